/**
 * Splits a UTF-8 byte stream into lines without holding more than one line (bounded by `maxBytes`)
 * in memory. Used by the JSON Lines reader; CSV has its own parser because quoted fields span lines.
 */
import { StringDecoder } from 'node:string_decoder';

/** One line of text and its 1-based number. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** Thrown (as a plain object the caller turns into a DomainError) when a line exceeds the limit. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is too long`);
  }
}

/** Yields the lines of a UTF-8 stream (CRLF or LF; a BOM at the start is dropped). */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<NumberedLine> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let partialBytes = 0;
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      if (partialBytes + piece.length > maxBytes) throw new LineTooLong(line);
      yield { line, text: stripCr(partial + piece) };
      partial = '';
      partialBytes = 0;
      line++;
      start = nl + 1;
    }
    const rest = text.slice(start);
    partialBytes += rest.length;
    // Checked before appending, so a line with no end cannot grow without bound.
    if (partialBytes > maxBytes) throw new LineTooLong(line);
    partial += rest;
  }
  partial += decoder.end();
  if (partial.length > 0) yield { line, text: stripCr(partial) };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
