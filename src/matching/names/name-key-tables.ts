/** Character tables behind `nameKey`: Cyrillic to plain Latin, and Latin diacritics folded. */
import anyAscii from 'any-ascii';

// Lower-case Cyrillic (а..я, then ѐ..џ, then ґ and others) to plain Latin; š stands for every
// husher (ш ж ч щ х) so that no two-letter spelling has to be re-read. ь, ё are contextual.
// prettier-ignore
const BASIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'š', з: 'z', и: 'y', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'š', ц: 's', ч: 'š',
  ш: 'š', щ: 'š', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', ё: 'io', є: 'ie', і: 'i', ї: 'i',
  ґ: 'g', ў: 'v', ј: 'j', љ: 'l', њ: 'n', ћ: 'š', ђ: 'd', џ: 'dš', ѓ: 'g', ќ: 'k', ѕ: 'dz',
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
};

const CYR = new Map<number, string>();
for (const [k, v] of Object.entries(BASIC)) {
  CYR.set(k.charCodeAt(0), v);
  CYR.set(k.toUpperCase().charCodeAt(0), v);
}
const SOFT_SIGN = new Set([0x44c, 0x42c]);
const O_LETTERS = new Set([0x43e, 0x41e]);
const YO = new Set([0x451, 0x401]);
const HUSHERS = new Set([0x436, 0x447, 0x448, 0x449, 0x416, 0x427, 0x428, 0x429]);

/**
 * One Cyrillic letter as plain Latin, given its neighbours: ьо is written io like ё, and ё after
 * a husher is a plain o (Пугачёв, Pugachov).
 */
export function cyrillicToPlain(c: number, prev: number, next: number): string {
  if (SOFT_SIGN.has(c)) return O_LETTERS.has(next) ? 'i' : '';
  if (YO.has(c) && HUSHERS.has(prev)) return 'o';
  return CYR.get(c) ?? '';
}

// Latin letters whose phonetic value is not that of their base letter.
// prettier-ignore
const LATIN_SPECIAL: Record<string, string> = {
  š: 'š', ž: 'š', č: 'š', ŝ: 'š', ż: 'š', ć: 'c', ś: 's', ź: 'z', ł: 'l', ř: 'r', ß: 'ss', æ: 'e',
  œ: 'e', ø: 'o', đ: 'd', ı: 'i', ħ: 'h', þ: 't', ŋ: 'n', ê: 'ie', â: 'ia', û: 'iu', ë: 'io', ŭ: 'v',
  ʹ: '', ʺ: '', ʼ: '', ʻ: '', ˈ: '',
};

const LATIN = new Map<number, string>();
for (const [k, v] of Object.entries(LATIN_SPECIAL)) {
  LATIN.set(k.charCodeAt(0), v);
  const up = k.toUpperCase();
  if (up.length === 1 && up !== k) LATIN.set(up.charCodeAt(0), v);
}

/**
 * A non-ASCII character as plain lower-case Latin: the table above, else the base letter under
 * its diacritics, else the any-ascii rendering (Greek, Armenian, Georgian, Arabic, CJK, ...).
 */
export function foldLatin(c: number): string {
  const hit = LATIN.get(c);
  if (hit !== undefined) return hit;
  const ch = String.fromCharCode(c);
  let s = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (s === ch || !/^[a-z]+$/i.test(s)) s = anyAscii(ch);
  s = s.toLowerCase().replace(/[^a-z]/g, '');
  LATIN.set(c, s);
  return s;
}
