/** Which writing system a text uses, and which Cyrillic language it is most likely written in. */

/** The scripts the name engine distinguishes. */
export type Script = 'latin' | 'cyrillic' | 'other' | 'mixed';

/** Cyrillic languages the engine knows, plus `unknown` when no distinctive letter decides. */
export type CyrillicLanguage = 'uk' | 'ru' | 'be' | 'unknown';

/** True for a code point in the Cyrillic blocks (basic, supplement, extended A/B/C). */
export function isCyrillicCode(c: number): boolean {
  return (
    (c >= 0x0400 && c <= 0x052f) ||
    (c >= 0x2de0 && c <= 0x2dff) ||
    (c >= 0xa640 && c <= 0xa69f) ||
    (c >= 0x1c80 && c <= 0x1c8f)
  );
}

/** True for a Latin letter (ASCII, Latin-1 letters, Latin Extended A/B, IPA, Latin Extended Additional). */
export function isLatinCode(c: number): boolean {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2c60 && c <= 0x2c7f) || (c >= 0xa720 && c <= 0xa7ff);
}

/** True for a letter of any script other than Latin and Cyrillic, by Unicode property. */
const OTHER_LETTER = /\p{L}/u;

/**
 * The script of the letters in `text`: `latin`, `cyrillic`, `other` (a single other script such as
 * Greek or Arabic), or `mixed` when letters of more than one script occur. Digits, spaces and
 * punctuation do not count; a text without letters is `latin`.
 */
export function detectScript(text: string): Script {
  let latin = false;
  let cyrillic = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinCode(c)) latin = true;
    else if (isCyrillicCode(c)) cyrillic = true;
    else if (c >= 0x300 && c <= 0x36f)
      continue; // combining marks belong to the letter before
    else if (c >= 0x2b0 && c <= 0x2ff)
      continue; // modifier letters: primes, apostrophes
    else if (c > 0x7f && OTHER_LETTER.test(text[i]!)) other = true;
  }
  const n = Number(latin) + Number(cyrillic) + Number(other);
  if (n > 1) return 'mixed';
  if (cyrillic) return 'cyrillic';
  if (other) return 'other';
  return 'latin';
}

const BELARUSIAN_SPELLINGS = /[бвгджзклмнпрстфхцчш]э|[аоеі]віч|[аоеі]ўн/u;

/**
 * Guesses the Cyrillic language from letters that only one language has: і ї є ґ are Ukrainian
 * (і is also Belarusian), ы э ъ ё are Russian (ы э ё also Belarusian), ў is Belarusian; э after
 * a consonant and the patronymic ending -віч are Belarusian spellings.
 * Returns `unknown` when the text has no deciding letter (e.g. "Ковальчук").
 */
export function detectCyrillicLanguage(text: string): CyrillicLanguage {
  const t = text.toLowerCase();
  let ukOnly = false; // ї є ґ
  let i = false; // і: Ukrainian or Belarusian
  let ruBe = false; // ы э ё: Russian or Belarusian
  let ruOnly = false; // ъ
  let notBe = false; // и щ never occur in Belarusian
  let beOnly = false; // ў
  for (const ch of t) {
    if (ch === 'ї' || ch === 'є' || ch === 'ґ') ukOnly = true;
    else if (ch === 'і') i = true;
    else if (ch === 'ы' || ch === 'э' || ch === 'ё') ruBe = true;
    else if (ch === 'ъ') ruOnly = true;
    else if (ch === 'и' || ch === 'щ') notBe = true;
    else if (ch === 'ў') beOnly = true;
  }
  if (beOnly && !ukOnly && !ruOnly) return 'be';
  // Belarusian writes э after consonants (Лукашэнка) and -іч in patronymics (Навумовіч).
  if (!ukOnly && !ruOnly && !notBe && BELARUSIAN_SPELLINGS.test(t)) return 'be';
  if (ukOnly) return 'uk';
  if (i && ruBe) return notBe ? 'unknown' : 'be';
  if (i) return 'uk';
  if (ruBe || ruOnly) return 'ru';
  return 'unknown';
}
