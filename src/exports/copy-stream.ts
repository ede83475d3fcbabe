import { Transform, type TransformCallback } from 'node:stream';

export interface ExportProgress {
  rows: number;
  bytes: number;
}

/** A transform of COPY output that counts the rows and bytes it passes on. */
export abstract class RowTransform extends Transform {
  rows = 0;
  progress: ExportProgress = { rows: 0, bytes: 0 };

  protected pass(out: Buffer, rows: number, done: TransformCallback): void {
    this.rows += rows;
    this.progress.rows += rows;
    this.progress.bytes += out.length;
    done(null, out);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/**
 * PostgreSQL ends CSV rows with LF; RFC 4180 wants CRLF. Rewrites row ends only — a line feed
 * inside a quoted field stays as it is — scanning with Buffer.indexOf so the cost stays far
 * below the database's. Counts rows as it goes (the header included).
 */
export class CrlfRows extends RowTransform {
  private quoted = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let rows = 0;
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
        rows++;
        start = i = nextLf + 1;
      } else if (nextQuote !== -1) {
        this.quoted = true;
        i = nextQuote + 1;
      } else {
        break;
      }
    }
    parts.push(chunk.subarray(start));
    this.pass(Buffer.concat(parts), rows, done);
  }
}

/** Counts rows (line feeds) of line-per-row output (NDJSON). */
export class CountRows extends RowTransform {
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let rows = 0;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) rows++;
    this.pass(chunk, rows, done);
  }
}

/** Turns one-JSON-value-per-line output into the items of a JSON array: a,b,c (no brackets). */
export class JsonArrayItems extends RowTransform {
  private pending = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    let rows = 0;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, start)) {
      if (i > start || this.pending) {
        if (this.rows + rows > 0 && !this.pending) parts.push(Buffer.from(','));
        parts.push(chunk.subarray(start, i));
        rows++;
      }
      this.pending = false;
      start = i + 1;
    }
    if (start < chunk.length) {
      if (this.rows + rows > 0 && !this.pending) parts.push(Buffer.from(','));
      parts.push(chunk.subarray(start));
      this.pending = true; // the rest of this row comes in the next chunk
    }
    this.pass(Buffer.concat(parts), rows, done);
  }
}
