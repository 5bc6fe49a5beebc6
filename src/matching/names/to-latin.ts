/** Any script to plain Latin, for display, search and the generic fallback. */
import anyAscii from 'any-ascii';
import { detectCyrillicLanguage, isCyrillicCode } from './script.js';
import { transliterate } from './transliterate.js';

const PRIMES = /[’ʹʺʼ”]/gu;

/**
 * Writes `text` in Latin letters: Cyrillic by the Ukrainian national system (or BGN/PCGN when
 * the text is recognisably Russian), every other script through any-ascii, and Latin
 * diacritics folded (Kovalʹčuk → Kovalcuk). Case is kept.
 * @example toLatin('Ковальчук Андрій') // 'Kovalchuk Andrii'
 */
export function toLatin(text: string): string {
  let s = text;
  if (hasCyrillic(s)) {
    const lang = detectCyrillicLanguage(s);
    s = transliterate(
      s,
      lang === 'ru' ? 'bgn-pcgn-ru' : 'ua-national-2010',
      lang === 'unknown' ? undefined : lang,
    );
  }
  return anyAscii(s.replace(PRIMES, ''));
}

function hasCyrillic(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCyrillicCode(s.charCodeAt(i))) return true;
  return false;
}
