/**
 * Reads a whole input into memory, refusing it past a size limit. Only for formats that need random
 * access (a zip's directory is at its end); everything else streams.
 */
import type { Readable } from 'node:stream';
import { DomainError } from '../../domain/index.js';

/** The input's bytes; PAYLOAD_TOO_LARGE past `maxBytes`. */
export async function readAllBytes(
  input: Readable | Buffer,
  maxBytes: number,
  fileName?: string,
): Promise<Buffer> {
  const tooLarge = () =>
    new DomainError('PAYLOAD_TOO_LARGE', `${fileName ?? 'input'}: larger than ${maxBytes} bytes`, {
      issues: [{ code: 'TOO_LARGE', message: `larger than ${maxBytes} bytes` }],
      details: { fileName: fileName ?? 'input', maxBytes },
    });
  if (Buffer.isBuffer(input)) {
    if (input.length > maxBytes) throw tooLarge();
    return input;
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) {
      input.destroy();
      throw tooLarge();
    }
    parts.push(b);
  }
  return Buffer.concat(parts, size);
}
