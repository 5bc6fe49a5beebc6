/**
 * Bytes of an XML document to text: UTF-16 by BOM, otherwise the encoding its declaration names
 * (UTF-8 when none). UTF-8 is decoded strictly: a byte that is not UTF-8 is an error, not a silent
 * replacement character in someone's name.
 */
import iconv from 'iconv-lite';
import { inputError } from '../issues.js';

/** Returns a decoder: call with each chunk, then with null to flush. */
export function xmlTextDecoder(head: Buffer, fileName?: string): (chunk: Buffer | null) => string {
  const encoding = xmlEncoding(head);
  if (encoding === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    return (chunk) => {
      try {
        return chunk === null ? td.decode() : td.decode(chunk, { stream: true });
      } catch (e) {
        throw inputError(
          'INPUT_INVALID',
          fileName,
          { code: 'UNDECODABLE', message: 'the document is not valid UTF-8' },
          e,
        );
      }
    };
  }
  if (!iconv.encodingExists(encoding))
    throw inputError('UNSUPPORTED_FORMAT', fileName, { message: `unknown XML encoding "${encoding}"` });
  const dec = iconv.getDecoder(encoding);
  return (chunk) => (chunk === null ? (dec.end() ?? '') : dec.write(chunk));
}

function xmlEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head.subarray(bom).toString('latin1'),
  );
  const name = decl?.[1]?.toLowerCase() ?? 'utf-8';
  return name === 'utf8' ? 'utf-8' : name;
}
