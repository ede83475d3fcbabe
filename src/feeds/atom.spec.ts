import { XMLParser } from 'fast-xml-parser';
import { atomXml, type AtomFeed } from './atom.js';

const feed = (title: string, content = 'isi'): AtomFeed => ({
  id: 'tag:mutasi.local,2026:events',
  title,
  subtitle: 'Pelantikan',
  updated: new Date('2026-02-06T03:04:05.678Z'),
  links: [{ rel: 'self', href: 'http://x/feeds/events.atom?a=1&b=2', type: 'application/atom+xml' }],
  author: 'Mutasi',
  entries: [
    {
      id: 'tag:mutasi.local,2026:event/1',
      title,
      updated: new Date('2026-02-06T03:04:05Z'),
      published: new Date('2026-02-06T03:04:05Z'),
      links: [{ rel: 'alternate', href: '/pelantikan/1', type: 'text/html' }],
      summary: content,
      content,
    },
  ],
});

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);

describe('atomXml', () => {
  it('escapes markup in text and attributes, so a title cannot inject elements', () => {
    const xml = atomXml(feed('<entry><id>evil</id></entry> & "Kep." \'1\''));
    const doc = parse(xml);
    expect(doc.feed.title).toBe('<entry><id>evil</id></entry> & "Kep." \'1\'');
    expect(doc.feed.entry.id).toBe('tag:mutasi.local,2026:event/1');
    expect(doc.feed.link['@href']).toBe('http://x/feeds/events.atom?a=1&b=2');
  });

  it('drops characters XML cannot carry instead of writing a broken document', () => {
    const xml = atomXml(feed('SK\u0001 nomor\u001F 1', 'baris\u0000 dua\uFFFF'));
    expect(parse(xml).feed.title).toBe('SK nomor 1');
    expect(parse(xml).feed.entry.content['#text']).toBe('baris dua');
  });

  it('writes dates as RFC 3339 to the second, in the Atom namespace', () => {
    const doc = parse(atomXml(feed('t')));
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.updated).toBe('2026-02-06T03:04:05Z');
  });
});
