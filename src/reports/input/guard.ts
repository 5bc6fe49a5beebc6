/**
 * Guards at the door: size cap, empty and binary input, and decoding of raw bytes. Nothing here
 * throws for content the caller could not know was bad (empty, binary): those give a reason instead.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DomainError } from '../../domain/errors.js';

/** Largest report accepted, in bytes (UTF-8). Real articles are far smaller; pages above are refused. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Throws PAYLOAD_TOO_LARGE when `size` bytes exceed the cap. */
export function assertSize(size: number, what = 'report'): void {
  if (size > MAX_INPUT_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `${what} is ${(size / 1048576).toFixed(1)} MB; reports are limited to ${MAX_INPUT_BYTES / 1048576} MB`,
      { details: { size, limit: MAX_INPUT_BYTES } },
    );
}

/** True when the bytes look like a binary file (NUL bytes or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** True when a decoded string carries binary noise (replacement or control characters in bulk). */
export function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32)) bad++;
  }
  return n > 0 && bad / n > 0.05;
}

/** Decodes report bytes: BOM first, then UTF-8 when valid, else the detected legacy charset. */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const guess = chardet.detect(bytes.subarray(0, 65536));
    const charset = guess && iconv.encodingExists(guess) ? guess : 'windows-1252';
    return iconv.decode(Buffer.from(bytes), charset);
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** True when the text looks like HTML markup rather than prose. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\s*<(!doctype\s+html|html[\s>]|\?xml)/i.test(head)) return true;
  const tags = head.match(
    /<\/?(html|head|body|p|div|article|section|span|a|h[1-6]|script|style|meta|br|li)\b[^>]*>/gi,
  );
  return (tags?.length ?? 0) >= 3;
}
