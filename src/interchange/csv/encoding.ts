/**
 * Encoding detection for lists as they arrive: UTF-8 (with or without BOM), UTF-16 (by BOM or by the
 * pattern of NUL bytes), and the two Cyrillic single-byte code pages still common in exports,
 * Windows-1251 and KOI8-U. chardet names a family but mixes up 1251 and KOI8 on short samples (a few
 * names), so the choice between those two is made here by letter frequencies.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How the encoding was found (for logs and the import report). */
export type EncodingEvidence =
  'bom' | 'nul-pattern' | 'utf8-valid' | 'cyrillic-frequency' | 'chardet' | 'given';

/** The detected encoding, named as iconv-lite names it. */
export interface DetectedEncoding {
  readonly encoding: string;
  readonly evidence: EncodingEvidence;
  /** Number of bytes to skip at the start (a BOM). */
  readonly bomLength: number;
}

/** Detects the encoding of a sample (the first bytes of a file). Returns null for binary content. */
export function detectEncoding(sample: Buffer): DetectedEncoding | null {
  const bom = detectBom(sample);
  if (bom) return bom;
  const utf16 = utf16ByNuls(sample);
  if (utf16) return { encoding: utf16, evidence: 'nul-pattern', bomLength: 0 };
  if (sample.includes(0)) return null;
  const u = scanUtf8(sample);
  // A few broken sequences in an otherwise UTF-8 file stay UTF-8, so that they are reported as
  // undecodable cells instead of turning the whole file into mojibake.
  if (u.invalid === 0 || (u.valid > 0 && u.invalid * 4 <= u.valid))
    return { encoding: 'utf-8', evidence: 'utf8-valid', bomLength: 0 };
  const guess = chardet.analyse(sample)[0]?.name ?? '';
  const share = cyrillicShare(sample);
  if (share >= 0.3 || (share >= 0.1 && CYRILLIC_CHARSETS.has(guess)))
    return { encoding: pickCyrillic(sample), evidence: 'cyrillic-frequency', bomLength: 0 };
  const encoding = WESTERN_CHARSETS.has(guess) ? guess.toLowerCase() : 'windows-1252';
  return { encoding, evidence: 'chardet', bomLength: 0 };
}

const CYRILLIC_CHARSETS = new Set(['windows-1251', 'KOI8-R', 'ISO-8859-5', 'IBM866']);
/** Single-byte code pages accepted from chardet; anything else it names (CJK on a few bytes) is noise. */
const WESTERN_CHARSETS = new Set(['ISO-8859-1', 'ISO-8859-2', 'ISO-8859-9', 'windows-1250', 'windows-1252']);

function detectBom(b: Buffer): DetectedEncoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { encoding: 'utf-8', evidence: 'bom', bomLength: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { encoding: 'utf-16le', evidence: 'bom', bomLength: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { encoding: 'utf-16be', evidence: 'bom', bomLength: 2 };
  return null;
}

/**
 * UTF-16 without BOM: the delimiters and line breaks are ASCII, so one byte parity holds NULs; for
 * Latin and Cyrillic text that parity holds only high bytes 0x00–0x05 (U+0000–U+05FF) throughout.
 */
function utf16ByNuls(b: Buffer): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4 || !b.includes(0)) return null;
  let evenLow = 0;
  let oddLow = 0;
  for (let i = 0; i < n; i += 2) {
    if ((b[i] as number) <= 5) evenLow++;
    if ((b[i + 1] as number) <= 5) oddLow++;
  }
  const pairs = n / 2;
  if (oddLow >= pairs * 0.9 && evenLow < pairs * 0.5) return 'utf-16le';
  if (evenLow >= pairs * 0.9 && oddLow < pairs * 0.5) return 'utf-16be';
  return null;
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes; a sequence cut by the sample end is fine. */
export function scanUtf8(b: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    while (k < len && i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80) k++;
    if (k === len) valid++;
    else if (i + k < b.length) invalid++;
    i += k;
  }
  return { valid, invalid };
}

/**
 * Share of letters that are high bytes in 0xC0–0xFF, where both 1251 and KOI8 keep their letters.
 * Cyrillic text is made almost wholly of them; Western text with accents ("Müller") has a few among
 * many ASCII letters.
 */
function cyrillicShare(b: Buffer): number {
  let high = 0;
  let ascii = 0;
  let otherHigh = 0;
  for (const c of b) {
    if (c >= 0xc0) high++;
    else if (c >= 0x80) otherHigh++;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ascii++;
  }
  if (high < 2 || high < otherHigh * 3) return 0;
  return high / (high + ascii);
}

/**
 * Letter frequencies (per mille) of Ukrainian and Russian running text together. Names are not
 * running text, but a wrong code page maps frequent letters to rare ones (о ↔ Н, а ↔ Ю), which is
 * visible in a handful of words.
 */
const FREQ: Record<string, number> = {
  о: 100,
  а: 80,
  е: 75,
  и: 65,
  н: 65,
  т: 58,
  і: 40,
  р: 47,
  с: 48,
  в: 45,
  л: 42,
  к: 35,
  м: 32,
  д: 30,
  п: 28,
  у: 28,
  я: 20,
  з: 18,
  ь: 17,
  г: 16,
  б: 16,
  ч: 13,
  й: 12,
  ы: 8,
  х: 10,
  ж: 9,
  ц: 8,
  ш: 7,
  ю: 6,
  щ: 5,
  ї: 6,
  є: 4,
  ф: 3,
  э: 3,
  ё: 1,
  ъ: 0.4,
  ґ: 0.5,
};

function frequencyScore(text: string): number {
  let score = 0;
  for (const ch of text.toLowerCase()) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) continue;
    const f = FREQ[ch];
    score += Math.log(f === undefined ? 0.05 : f);
  }
  return score;
}

/** Windows-1251 or KOI8-U, whichever decodes the sample into more likely letters. */
export function pickCyrillic(sample: Buffer): 'windows-1251' | 'koi8-u' {
  const s1251 = frequencyScore(iconv.decode(sample, 'windows-1251'));
  const skoi = frequencyScore(iconv.decode(sample, 'koi8-u'));
  return skoi > s1251 ? 'koi8-u' : 'windows-1251';
}
