import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/**
 * PostgreSQL ends CSV rows with LF; RFC 4180 wants CRLF. Rewrites row ends only — a line feed
 * inside a quoted field stays as it is — scanning with Buffer.indexOf so the cost stays far
 * below the database's. Counts rows as it goes (the header included).
 */
export class CrlfRows extends Transform {
  rows = 0;
  private quoted = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    let i = 0;
    while (i < chunk.length) {
      const nextQuote = chunk.indexOf(QUOTE, i);
      if (this.quoted) {
        if (nextQuote === -1) break;
        this.quoted = false; // a doubled quote ("") re-enters at once on the next one
        i = nextQuote + 1;
        continue;
      }
      const nextLf = chunk.indexOf(LF, i);
      if (nextLf !== -1 && (nextQuote === -1 || nextLf < nextQuote)) {
        parts.push(chunk.subarray(start, nextLf), CRLF);
        this.rows++;
        start = i = nextLf + 1;
      } else if (nextQuote !== -1) {
        this.quoted = true;
        i = nextQuote + 1;
      } else {
        break;
      }
    }
    parts.push(chunk.subarray(start));
    done(null, Buffer.concat(parts));
  }
}

/** Counts rows (line feeds) of line-per-row output (NDJSON). */
export class CountRows extends Transform {
  rows = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) this.rows++;
    done(null, chunk);
  }
}

/** Turns one-JSON-value-per-line output into the items of a JSON array: a,b,c (no brackets). */
export class JsonArrayItems extends Transform {
  rows = 0;
  private pending = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, start)) {
      if (i > start || this.pending) {
        if (this.rows > 0 && !this.pending) parts.push(Buffer.from(','));
        parts.push(chunk.subarray(start, i));
        this.rows++;
      }
      this.pending = false;
      start = i + 1;
    }
    if (start < chunk.length) {
      if (this.rows > 0 && !this.pending) parts.push(Buffer.from(','));
      parts.push(chunk.subarray(start));
      this.pending = true; // the rest of this row comes in the next chunk
    }
    done(null, Buffer.concat(parts));
  }
}
