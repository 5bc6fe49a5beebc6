/** Forward romanisation of Ukrainian, Russian and Belarusian Cyrillic by a named convention. */
import { CONVENTION_SPECS } from './convention-tables.js';
import type { LetterRule, LetterTable } from './convention-tables.js';
import { detectCyrillicLanguage, isCyrillicCode } from './script.js';

/** A romanisation convention in real use for Ukrainian, Russian or Belarusian names. */
export type Convention =
  | 'ua-national-2010'
  | 'bgn-pcgn-uk'
  | 'bgn-pcgn-ru'
  | 'iso9'
  | 'scholarly'
  | 'german'
  | 'french'
  | 'polish'
  | 'spanish'
  | 'czech'
  | 'english-popular';

/** Every convention, in a stable order. */
export const CONVENTIONS: readonly Convention[] = Object.freeze(
  Object.keys(CONVENTION_SPECS) as Convention[],
);

type Lang = 'uk' | 'ru' | 'be';

/** One convention compiled for one language: letters and clusters ready for lookup. */
interface Compiled {
  readonly letters: Map<string, LetterRule>;
  /** Clusters by first letter, longest first; `end` means the cluster must close the word. */
  readonly clusters: Map<string, { seq: string; out: string; end: boolean }[]>;
}

const VOWELS = new Set('аеєиіїоуюяыэё');
const SIGNS = new Set(['ь', 'ъ', "'", '’', 'ʼ']);
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

const compiled = new Map<string, Compiled>();

function compile(convention: Convention, lang: Lang): Compiled {
  const key = `${convention}/${lang}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const spec = CONVENTION_SPECS[convention];
  const table: LetterTable = {
    ...spec.letters,
    ...(spec as unknown as Record<string, LetterTable | undefined>)[lang],
  };
  const letters = new Map<string, LetterRule>();
  for (const [k, v] of Object.entries(table)) letters.set(k, typeof v === 'string' ? { d: v } : v);
  const clusterTable = {
    ...spec.clusters,
    ...(lang === 'ru'
      ? (spec as { ruClusters?: object }).ruClusters
      : (spec as { ukClusters?: object }).ukClusters),
  } as Record<string, string>;
  const clusters = new Map<string, { seq: string; out: string; end: boolean }[]>();
  for (const [raw, out] of Object.entries(clusterTable)) {
    const end = raw.endsWith('$');
    const seq = end ? raw.slice(0, -1) : raw;
    const list = clusters.get(seq[0]!) ?? [];
    list.push({ seq, out, end });
    list.sort((x, y) => y.seq.length - x.seq.length);
    clusters.set(seq[0]!, list);
  }
  const result = { letters, clusters };
  compiled.set(key, result);
  return result;
}

/**
 * Romanises Cyrillic text as `convention` writes it. `lang` decides letters that the languages
 * read differently (г is h in Ukrainian and Belarusian, g in Russian; и is y in Ukrainian, i in
 * Russian); without it the language is guessed from the text, and Ukrainian is assumed when
 * nothing decides. Characters that are not Cyrillic pass through unchanged; case is kept
 * (a word in capitals stays in capitals).
 * @example transliterate('Ковальчук Андрій', 'german') // 'Kowaltschuk Andrij'
 */
export function transliterate(cyrillic: string, convention: Convention, lang?: Lang): string {
  if (!(convention in CONVENTION_SPECS)) throw new RangeError(`unknown convention ${String(convention)}`);
  const table = compile(convention, lang ?? guessLanguage(cyrillic));
  let out = '';
  let i = 0;
  while (i < cyrillic.length) {
    const c = cyrillic.charCodeAt(i);
    if (
      !isCyrillicCode(c) &&
      !(APOSTROPHES.has(cyrillic[i]!) && i > 0 && isCyrillicCode(cyrillic.charCodeAt(i - 1)))
    ) {
      out += cyrillic[i];
      i++;
      continue;
    }
    let j = i;
    while (j < cyrillic.length && (isCyrillicCode(cyrillic.charCodeAt(j)) || APOSTROPHES.has(cyrillic[j]!)))
      j++;
    out += romaniseWord(cyrillic.slice(i, j), table);
    i = j;
  }
  return out;
}

// Endings that only Russian spells this way, for texts without a deciding letter.
const RUSSIAN_ENDINGS = /(?:ей|ия|ие|ый|ьев|ьевич|ьевна|ьич)(?![а-яё])/iu;

function guessLanguage(text: string): Lang {
  const lang = detectCyrillicLanguage(text);
  if (lang !== 'unknown') return lang;
  return RUSSIAN_ENDINGS.test(text) ? 'ru' : 'uk';
}

function romaniseWord(word: string, table: Compiled): string {
  const lower = word.toLowerCase();
  const allUpper = word.length > 1 && word === word.toUpperCase() && lower !== word;
  let out = '';
  let i = 0;
  while (i < lower.length) {
    const ch = lower[i]!;
    const prev = i === 0 ? '' : lower[i - 1]!;
    let piece: string | undefined;
    let used = 1;
    for (const cl of table.clusters.get(ch) ?? []) {
      if (lower.startsWith(cl.seq, i) && (!cl.end || i + cl.seq.length === lower.length)) {
        piece = cl.out;
        used = cl.seq.length;
        break;
      }
    }
    if (piece === undefined) {
      const rule = table.letters.get(APOSTROPHES.has(ch) ? "'" : ch);
      piece = rule === undefined ? ch : pick(rule, prev, lower[i + 1] ?? '');
    }
    const upper = word[i] !== ch;
    out += allUpper ? piece.toUpperCase() : upper ? capitalise(piece) : piece;
    i += used;
  }
  return out;
}

function pick(rule: LetterRule, prev: string, next: string): string {
  if (prev === '') return rule.start ?? rule.vowel ?? rule.d;
  if (rule.between !== undefined && VOWELS.has(prev) && VOWELS.has(next)) return rule.between;
  if (VOWELS.has(prev) || SIGNS.has(prev)) return rule.vowel ?? rule.d;
  return rule.cons ?? rule.d;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
