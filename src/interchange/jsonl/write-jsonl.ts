/** JSON Lines writer: one JSON object per line, as a stream. */
import { Readable } from 'node:stream';

/** Writes each record as one line of JSON (UTF-8, LF). */
export function writeJsonl(records: AsyncIterable<object> | Iterable<object>): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    let out = '';
    for await (const r of records) {
      // JSON.stringify escapes line breaks inside strings, so one record is always one line.
      out += JSON.stringify(r) + '\n';
      if (out.length >= 1 << 16) {
        yield Buffer.from(out);
        out = '';
      }
    }
    if (out) yield Buffer.from(out);
  }
  return Readable.from(lines(), { objectMode: false });
}
