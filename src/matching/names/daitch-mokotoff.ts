/**
 * Daitch–Mokotoff soundex: six-digit codes designed for Slavic and Yiddish surnames. A letter
 * group with two possible sounds (CH as in German or as in English, J as Y or as DZH, CK, RS, RZ)
 * splits the code into branches, so a name has one or more codes.
 */
import { toLatin } from './to-latin.js';

// [letters, code at the start of the name, before a vowel, elsewhere]; '' is "not coded",
// '|' separates alternatives. Longest letter groups are tried first.
// prettier-ignore
const RULES: readonly (readonly [string, string, string, string])[] = [
  ['SCHTSCH', '2', '4', '4'], ['SCHTSH', '2', '4', '4'], ['SCHTCH', '2', '4', '4'],
  ['SHTCH', '2', '4', '4'], ['SHTSH', '2', '4', '4'], ['STSCH', '2', '4', '4'], ['TTSCH', '4', '4', '4'],
  ['ZHDZH', '2', '4', '4'],
  ['SHCH', '2', '4', '4'], ['SCHT', '2', '43', '43'], ['SCHD', '2', '43', '43'], ['STCH', '2', '4', '4'],
  ['STRZ', '2', '4', '4'], ['STRS', '2', '4', '4'], ['STSH', '2', '4', '4'], ['SZCZ', '2', '4', '4'],
  ['SZCS', '2', '4', '4'], ['TTCH', '4', '4', '4'], ['TSCH', '4', '4', '4'], ['TTSZ', '4', '4', '4'],
  ['ZDZH', '2', '4', '4'], ['ZSCH', '4', '4', '4'],
  ['CHS', '5', '54', '54'], ['CSZ', '4', '4', '4'], ['CZS', '4', '4', '4'], ['DRZ', '4', '4', '4'],
  ['DRS', '4', '4', '4'], ['DSH', '4', '4', '4'], ['DSZ', '4', '4', '4'], ['DZH', '4', '4', '4'],
  ['DZS', '4', '4', '4'], ['SCH', '4', '4', '4'], ['SHT', '2', '43', '43'], ['SZT', '2', '43', '43'],
  ['SHD', '2', '43', '43'], ['SZD', '2', '43', '43'], ['TCH', '4', '4', '4'], ['TRZ', '4', '4', '4'],
  ['TRS', '4', '4', '4'], ['TSH', '4', '4', '4'], ['TTS', '4', '4', '4'], ['TTZ', '4', '4', '4'],
  ['TZS', '4', '4', '4'], ['TSZ', '4', '4', '4'], ['ZDZ', '2', '4', '4'], ['ZHD', '2', '43', '43'],
  ['ZSH', '4', '4', '4'],
  ['AI', '0', '1', ''], ['AJ', '0', '1', ''], ['AY', '0', '1', ''], ['AU', '0', '7', ''],
  ['CH', '5|4', '5|4', '5|4'], ['CK', '5|45', '5|45', '5|45'], ['CZ', '4', '4', '4'], ['CS', '4', '4', '4'],
  ['DS', '4', '4', '4'], ['DZ', '4', '4', '4'], ['DT', '3', '3', '3'], ['EI', '0', '1', ''],
  ['EJ', '0', '1', ''], ['EY', '0', '1', ''], ['EU', '1', '1', ''], ['FB', '7', '7', '7'],
  ['IA', '1', '', ''], ['IE', '1', '', ''], ['IO', '1', '', ''], ['IU', '1', '', ''],
  ['KS', '5', '54', '54'], ['KH', '5', '5', '5'], ['MN', '66', '66', '66'], ['NM', '66', '66', '66'],
  ['OI', '0', '1', ''], ['OJ', '0', '1', ''], ['OY', '0', '1', ''], ['PF', '7', '7', '7'],
  ['PH', '7', '7', '7'], ['RS', '94|4', '94|4', '94|4'], ['RZ', '94|4', '94|4', '94|4'],
  ['SH', '4', '4', '4'], ['SC', '2', '4', '4'], ['ST', '2', '43', '43'], ['SZ', '4', '4', '4'],
  ['SD', '2', '43', '43'], ['TH', '3', '3', '3'], ['TS', '4', '4', '4'], ['TC', '4', '4', '4'],
  ['TZ', '4', '4', '4'], ['UI', '0', '1', ''], ['UJ', '0', '1', ''], ['UY', '0', '1', ''],
  ['UE', '0', '', ''], ['ZD', '2', '43', '43'], ['ZH', '4', '4', '4'], ['ZS', '4', '4', '4'],
  ['A', '0', '', ''], ['B', '7', '7', '7'], ['C', '5|4', '5|4', '5|4'], ['D', '3', '3', '3'],
  ['E', '0', '', ''], ['F', '7', '7', '7'], ['G', '5', '5', '5'], ['H', '5', '5', ''],
  ['I', '0', '', ''], ['J', '1|4', '1|4', '1|4'], ['K', '5', '5', '5'], ['L', '8', '8', '8'],
  ['M', '6', '6', '6'], ['N', '6', '6', '6'], ['O', '0', '', ''], ['P', '7', '7', '7'],
  ['Q', '5', '5', '5'], ['R', '9', '9', '9'], ['S', '4', '4', '4'], ['T', '3', '3', '3'],
  ['U', '0', '', ''], ['V', '7', '7', '7'], ['W', '7', '7', '7'], ['X', '5', '54', '54'],
  ['Y', '1', '', ''], ['Z', '4', '4', '4'],
];

const BY_FIRST = new Map<string, (readonly [string, string, string, string])[]>();
for (const rule of RULES) {
  const list = BY_FIRST.get(rule[0][0]!) ?? [];
  list.push(rule);
  BY_FIRST.set(rule[0][0]!, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b[0].length - a[0].length);

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);
const MAX_BRANCHES = 32;

interface Branch {
  code: string;
  last: string;
}

/**
 * Every Daitch–Mokotoff code of one name token, sorted; a token in another script is romanised
 * first (Cyrillic by the Ukrainian national system). Empty for a token without letters.
 * @example daitchMokotoff('Peterson') // ['734600', '739460']
 */
export function daitchMokotoff(token: string): string[] {
  const s = toLatin(token)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (s.length === 0) return [];
  let branches: Branch[] = [{ code: '', last: '' }];
  let i = 0;
  while (i < s.length) {
    const rule = (BY_FIRST.get(s[i]!) ?? []).find((r) => s.startsWith(r[0], i));
    if (rule === undefined) {
      i++;
      continue;
    }
    const next = s[i + rule[0].length];
    const codes = (i === 0 ? rule[1] : next !== undefined && VOWELS.has(next) ? rule[2] : rule[3]).split('|');
    branches = extend(branches, codes);
    i += rule[0].length;
  }
  const out = new Set(branches.map((b) => (b.code + '000000').slice(0, 6)));
  return [...out].sort();
}

/** Appends each alternative code to each branch; a code equal to the one before is not repeated. */
function extend(branches: Branch[], codes: string[]): Branch[] {
  const out: Branch[] = [];
  for (const b of branches) {
    for (const c of codes) {
      if (out.length >= MAX_BRANCHES) break;
      const code = c !== '' && c !== b.last ? b.code + c : b.code;
      out.push({ code, last: c });
    }
  }
  return out;
}
