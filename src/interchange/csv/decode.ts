/**
 * The byte stream of a text file as UTF-8 chunks for the CSV parser. UTF-8 input passes through
 * (the parser decodes fields itself, which is the fast path for large files); other encodings are
 * transcoded chunk by chunk with iconv-lite, so nothing is held beyond one chunk. Line breaks
 * (CRLF, CR) become LF, so that one character ends a line both between and inside records and the
 * parser's line count is the physical line count.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** What the decoder saw, read by the row loop. */
export interface DecodeState {
  /** Set once some bytes did not decode: rows are then checked for U+FFFD. */
  suspect: boolean;
  /** The last byte of the input (to tell a file that ends mid-row from one that ends a line). */
  lastByte: number;
  /** A CR ended the previous chunk: it may be the first half of a CRLF. */
  pendingCR?: boolean;
}

/** Yields the input as UTF-8 buffers. */
export async function* toUtf8(
  chunks: AsyncIterable<Buffer>,
  encoding: string,
  state: DecodeState,
): AsyncGenerator<Buffer> {
  const source = encoding === 'utf-8' ? passUtf8(chunks, state) : transcode(chunks, encoding, state);
  for await (const chunk of source) {
    const out = normaliseBreaks(chunk, state);
    if (out.length > 0) yield out;
  }
  if (state.pendingCR) yield Buffer.from('\n');
}

const CR = 0x0d;
const LF = 0x0a;

/** CRLF and CR to LF; a CR at the end of a chunk waits for the next one. */
function normaliseBreaks(chunk: Buffer, state: DecodeState): Buffer {
  let buf = chunk;
  if (state.pendingCR) {
    buf = Buffer.concat([Buffer.from([CR]), chunk]);
    state.pendingCR = false;
  }
  if (buf.indexOf(CR) < 0) return buf;
  if (buf[buf.length - 1] === CR) {
    state.pendingCR = true;
    buf = buf.subarray(0, buf.length - 1);
  }
  const out = Buffer.allocUnsafe(buf.length);
  let j = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c !== CR) out[j++] = c;
    else if (buf[i + 1] !== LF) out[j++] = LF;
  }
  return out.subarray(0, j);
}

async function* transcode(
  chunks: AsyncIterable<Buffer>,
  encoding: string,
  state: DecodeState,
): AsyncGenerator<Buffer> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text.length === 0) continue;
    if (text.includes('\uFFFD')) state.suspect = true;
    state.lastByte = text.charCodeAt(text.length - 1);
    yield Buffer.from(text, 'utf8');
  }
  const tail = decoder.end();
  if (tail) {
    if (tail.includes('\uFFFD')) state.suspect = true;
    state.lastByte = tail.charCodeAt(tail.length - 1);
    yield Buffer.from(tail, 'utf8');
  }
}

async function* passUtf8(chunks: AsyncIterable<Buffer>, state: DecodeState): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    state.lastByte = chunk[chunk.length - 1] as number;
    if (!state.suspect) {
      // Validate whole sequences only: a character split across chunks is not an error.
      const joined: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(joined);
      if (!isUtf8(joined.subarray(0, cut))) state.suspect = true;
      carry = cut < joined.length ? Buffer.from(joined.subarray(cut)) : null;
    }
    yield chunk;
  }
  if (carry && carry.length > 0) state.suspect = true;
}

/** Length of the prefix that ends on a character boundary (drops an incomplete trailing sequence). */
function completeLength(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back] as number;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}
