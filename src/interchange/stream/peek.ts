/**
 * Look at the first bytes of an input without losing them: formats and encodings are detected from a
 * sample, then the whole input (sample included) is read as one stream. Nothing beyond the sample is
 * held in memory.
 */
import type { Readable } from 'node:stream';

/** Default sample size: enough lines to sniff a delimiter and an encoding, small enough to be cheap. */
export const SAMPLE_BYTES = 64 * 1024;

/** A sample of the input and the full byte stream, sample first. */
export interface Peeked {
  /** The first bytes (up to the requested size; fewer only when the input is shorter). */
  readonly head: Buffer;
  /** True when the input ended within the sample. */
  readonly complete: boolean;
  /** Every byte of the input, starting with `head`. Iterate once. */
  readonly chunks: AsyncIterable<Buffer>;
  /** Bytes handed out by `chunks` so far (for progress reports). */
  bytesRead(): number;
}

/** Big buffers are handed out in slices so downstream stages see a stream, not one huge chunk. */
const SLICE = 256 * 1024;

/** Reads up to `size` bytes from the input and returns them with a stream of the whole input. */
export async function peek(input: Readable | Buffer, size = SAMPLE_BYTES): Promise<Peeked> {
  const counter = { bytes: 0 };
  const bytesRead = () => counter.bytes;
  if (Buffer.isBuffer(input)) {
    const chunks = counted(sliceBuffer(input), counter);
    return { head: input.subarray(0, size), complete: input.length <= size, chunks, bytesRead };
  }
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < size) {
    const next = await it.next();
    if (next.done) {
      complete = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    taken.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(taken, length);
  const chunks = counted(replay(head, it, complete), counter);
  return { head: head.subarray(0, size), complete, chunks, bytesRead };
}

async function* counted(chunks: AsyncGenerator<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const c of chunks) {
    counter.bytes += c.length;
    yield c;
  }
}

async function* sliceBuffer(buf: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += SLICE) yield buf.subarray(i, i + SLICE);
}

async function* replay(
  head: Buffer,
  it: AsyncIterator<Buffer | string>,
  complete: boolean,
): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  if (complete) return;
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  } finally {
    // Closing early (a consumer that stops reading) must release the source too.
    await it.return?.();
  }
}

/** The input as a stream that counts the bytes read from it (for progress of readers that stream). */
export function metered(input: Readable | Buffer): { input: AsyncIterable<Buffer>; bytesRead: () => number } {
  const counter = { bytes: 0 };
  const source: AsyncGenerator<Buffer> = Buffer.isBuffer(input)
    ? sliceBuffer(input)
    : (async function* () {
        for await (const c of input as AsyncIterable<Buffer | string>)
          yield typeof c === 'string' ? Buffer.from(c) : c;
      })();
  return { input: counted(source, counter), bytesRead: () => counter.bytes };
}
