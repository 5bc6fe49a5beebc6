/**
 * Reading counts: digits with any thousands separator ("1,730", "1 730", "1.730"), number words
 * ("two hundred and sixty-four", parsed by compromise), vague amounts ("dozens"), ranges and
 * qualifiers ("more than", "about", "at least").
 */
import nlp from 'compromise/three';
import type { CountQualifier } from '../types.js';
import type { Token } from './tokens.js';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE = new Set(['hundred', 'thousand', 'million']);
/** Lower bounds for vague amounts: "dozens" is at least two dozen. */
const VAGUE: Record<string, [number, number | null]> = {
  dozens: [24, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  tens: [20, 99],
  scores: [40, 99],
};
const QUALIFIERS: [string[], CountQualifier][] = [
  [['more', 'than'], 'more_than'],
  [['over'], 'more_than'],
  [['upwards', 'of'], 'more_than'],
  [['in', 'excess', 'of'], 'more_than'],
  [['at', 'least'], 'at_least'],
  [['no', 'fewer', 'than'], 'at_least'],
  [['not', 'less', 'than'], 'at_least'],
  [['no', 'less', 'than'], 'at_least'],
  [['not', 'fewer', 'than'], 'at_least'],
  [['as', 'many', 'as'], 'about'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['roughly'], 'about'],
  [['nearly'], 'about'],
  [['almost'], 'about'],
  [['some'], 'about'],
  [['an', 'estimated'], 'about'],
  [['estimated'], 'about'],
  [['close', 'to'], 'about'],
  [['up', 'to'], 'at_most'],
  [['fewer', 'than'], 'fewer_than'],
  [['less', 'than'], 'fewer_than'],
  [['under'], 'fewer_than'],
];

/** A count phrase over tokens [start, end). */
export interface CountSpan {
  readonly start: number;
  readonly end: number;
  /** Token index of the number itself (after any qualifier). */
  readonly core: number;
  readonly count: number;
  readonly max: number | null;
  readonly qualifier: CountQualifier;
  readonly text: string;
}

/** Value of a digit string with any thousands separator, or null. "1.730" is 1730, "1.5" is 1.5. */
export function parseDigits(text: string): number | null {
  const t = text.replace(/[\u00a0\u202f ]/g, ' ');
  if (/^\d{1,3}([, .]\d{3})+$/.test(t)) return Number(t.replace(/[, .]/g, ''));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

/** Every word that can be part of a spelled-out number, hyphenated tens included ("sixty-four"). */
const NUMBER_WORDS: ReadonlySet<string> = (() => {
  const set = new Set<string>([...Object.keys(SMALL), ...SCALE]);
  for (const tens of ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'])
    for (const one of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'])
      set.add(`${tens}-${one}`);
  return set;
})();

/** Words that can start a count phrase besides digits and number words. */
const STARTERS = new Set(['a', 'several', ...Object.keys(VAGUE)]);

/** True for a word that can be part of a spelled-out number. */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

const phraseCache = new Map<string, number | null>();

/** Value of a spelled-out number phrase ("two hundred and sixty-four"); compromise does the arithmetic. */
export function parseNumberWords(phrase: string): number | null {
  const key = phrase.toLowerCase();
  const single = SMALL[key];
  if (single !== undefined) return single;
  const cached = phraseCache.get(key);
  if (cached !== undefined) return cached;
  const got = (nlp(key).numbers().get() as unknown[])[0];
  const value = typeof got === 'number' && Number.isFinite(got) ? got : null;
  if (phraseCache.size < 5000) phraseCache.set(key, value);
  return value;
}

/** Finds count phrases in a sentence's tokens. */
export function findCounts(tokens: readonly Token[]): CountSpan[] {
  const out: CountSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.k === 'word' && !NUMBER_WORDS.has(t.l) && !STARTERS.has(t.l)) continue;
    if (t.k === 'punct') continue;
    const core = readCore(tokens, i);
    if (!core) continue;
    const q = qualifierBefore(tokens, i);
    const { count, max } = core;
    let { end, qualifier } = core;
    if (q && qualifier === 'exact') qualifier = q.qualifier;
    const or = tokens[end];
    if (or?.l === 'or' && tokens[end + 1]?.l === 'more') {
      qualifier = 'at_least';
      end += 2;
    } else if (or?.l === '+') {
      qualifier = 'at_least';
      end += 1;
    }
    const start = q ? q.start : i;
    out.push({ start, end, core: i, count, max, qualifier, text: textOf(tokens, start, end) });
    i = end - 1;
  }
  return out;
}

interface Core {
  end: number;
  count: number;
  max: number | null;
  qualifier: CountQualifier;
}

function readCore(tokens: readonly Token[], i: number): Core | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.k === 'range') {
    const [a, b] = t.t.split(/\s*[-–—]\s*/).map((x) => parseDigits(x));
    if (a == null || b == null || b <= a) return null;
    return { end: i + 1, count: a, max: b, qualifier: 'range' };
  }
  if (t.k === 'num') {
    let value = parseDigits(t.t);
    if (value === null) return null;
    let end = i + 1;
    const scale = tokens[end]?.l;
    if (scale === 'thousand' || scale === 'million') {
      value *= scale === 'thousand' ? 1000 : 1_000_000;
      end++;
    }
    if (!Number.isInteger(value)) return null;
    return withRange(tokens, end, value);
  }
  if (t.k === 'word') return wordCore(tokens, i);
  return null;
}

function wordCore(tokens: readonly Token[], i: number): Core | null {
  const t = tokens[i]!;
  const vague = VAGUE[t.l];
  if (vague && tokens[i + 1]?.l === 'of')
    return { end: i + 1, count: vague[0], max: vague[1], qualifier: 'vague' };
  if ((t.l === 'several' || t.l === 'a') && tokens[i + 1]?.l === 'dozen')
    return t.l === 'a'
      ? { end: i + 2, count: 12, max: null, qualifier: 'about' }
      : { end: i + 2, count: 24, max: 99, qualifier: 'vague' };
  if (t.l === 'several' && (tokens[i + 1]?.l === 'hundred' || tokens[i + 1]?.l === 'thousand'))
    return { end: i + 2, count: tokens[i + 1]?.l === 'hundred' ? 200 : 2000, max: null, qualifier: 'vague' };
  const startsNumber = isNumberWord(t.l) || (t.l === 'a' && SCALE.has(tokens[i + 1]?.l ?? ''));
  if (!startsNumber || SCALE.has(t.l)) return null;
  let end = i + 1;
  while (end < tokens.length) {
    const l = tokens[end]!.l;
    if (
      isNumberWord(l) ||
      (l === 'and' && isNumberWord(tokens[end + 1]?.l ?? '') && SCALE.has(tokens[end - 1]!.l))
    )
      end++;
    else break;
  }
  const value = parseNumberWords(textOf(tokens, i, end));
  if (value === null || !Number.isInteger(value)) return null;
  if (tokens[end]?.l === 'dozen') return { end: end + 1, count: value * 12, max: null, qualifier: 'exact' };
  return withRange(tokens, end, value);
}

/** "50 to 60", "50-60", "between 50 and 60". */
function withRange(tokens: readonly Token[], end: number, value: number): Core {
  const sep = tokens[end];
  const next = tokens[end + 1];
  const between = tokens[end - 2]?.l === 'between' || tokens[end - 1 - 1]?.l === 'between';
  if (sep && next && (sep.l === 'to' || sep.t === '-' || sep.t === '–' || (sep.l === 'and' && between))) {
    const upper =
      next.k === 'num' ? parseDigits(next.t) : isNumberWord(next.l) ? parseNumberWords(next.l) : null;
    if (upper !== null && upper > value && upper < value * 10)
      return { end: end + 2, count: value, max: upper, qualifier: 'range' };
  }
  return { end, count: value, max: null, qualifier: 'exact' };
}

function qualifierBefore(
  tokens: readonly Token[],
  i: number,
): { start: number; qualifier: CountQualifier } | null {
  let start = i;
  if (tokens[i - 1]?.l === 'between') start = i - 1;
  for (const [words, qualifier] of QUALIFIERS) {
    const s = start - words.length;
    if (s < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = tokens[s + k]!.l === words[k];
    if (ok) return { start: s, qualifier };
  }
  return start !== i ? { start, qualifier: 'exact' } : null;
}

/** The source text of tokens [start, end). */
export function textOf(tokens: readonly Token[], start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    s += (k > start && t.gap ? ' ' : '') + t.t;
  }
  return s;
}
