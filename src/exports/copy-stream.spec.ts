import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CountRows, CrlfRows, JsonArrayItems } from './copy-stream.js';

const run = async (t: CrlfRows | CountRows | JsonArrayItems, chunks: string[]) => text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(t));

describe('CrlfRows', () => {
  it('ends rows with CRLF but keeps line feeds inside quoted fields, across chunk boundaries', async () => {
    const t = new CrlfRows();
    const out = await run(t, ['id,note\n1,"two\nlines"\n2,"say ""', 'hi""\n"\n3,plain\n']);
    expect(out).toBe('id,note\r\n1,"two\nlines"\r\n2,"say ""hi""\n"\r\n3,plain\r\n');
    expect(t.rows).toBe(4);
  });
});

describe('JsonArrayItems', () => {
  it('joins one value per line with commas, whatever the chunking', async () => {
    const t = new JsonArrayItems();
    expect(await run(t, ['{"a":1}\n{"b"', ':2}\n', '{"c":3}\n'])).toBe('{"a":1},{"b":2},{"c":3}');
    expect(t.rows).toBe(3);
    expect(await run(new JsonArrayItems(), [])).toBe('');
  });
});

describe('CountRows', () => {
  it('counts lines without changing them', async () => {
    const t = new CountRows();
    expect(await run(t, ['a\nb', '\nc\n'])).toBe('a\nb\nc\n');
    expect(t.rows).toBe(3);
  });
});
