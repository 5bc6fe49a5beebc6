/**
 * Dates as lists write them: ISO, YYYYMMDD, 05.03.1994, 05/03/1994 or 03/05/1994, "5 March 1994",
 * "March 1994", "1994", "about 1994", "~1994", two-digit years, and Ukrainian and Russian month
 * names. Returns a checked PartialDate (precision kept), whether the order of day and month was a
 * guess, and what is wrong when nothing could be read. Pure: no clock, no locale.
 */
import { partialDateProblem } from '../../domain/index.js';
import type { PartialDate } from '../../domain/index.js';
import { monthNumber } from './month-names.js';

/** Order of day, month and year in numeric dates. */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** Options of parseListDate. */
export interface ListDateOptions {
  /** Order of numeric dates with slashes or dashes. When absent, DMY is assumed and a guess is flagged. */
  order?: DateOrder;
  /** Two-digit years below the pivot are 20yy, others 19yy (default 30: "05.03.94" is 1994, "01.01.05" is 2005). */
  pivot?: number;
}

/** The outcome: a date or null, whether day and month could be swapped, and the problem if any. */
export interface ListDateResult {
  readonly date: PartialDate | null;
  readonly ambiguous: boolean;
  readonly problem?: string;
}

const ABOUT =
  /^(?:about|approx(?:imately|\.)?|circa|ca\.|c\.|~|≈|близько|приблизно|прибл\.|около|примерно|прим\.)\s*/i;
const YEAR_SUFFIX = /\s*(?:р\.|р|року|рік|г\.|г|года|год|yr\.?)$/i;

/**
 * Reads one date cell. Blank text gives `{ date: null, ambiguous: false }` with no problem.
 *
 * @example parseListDate('05/03/1994')  // { date: { year: 1994, month: 3, day: 5 }, ambiguous: true }
 * @example parseListDate('2022-02-30')  // { date: null, ambiguous: false, problem: 'day 30 does not exist ...' }
 */
export function parseListDate(text: string, opts: ListDateOptions = {}): ListDateResult {
  let s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return { date: null, ambiguous: false };
  let about = false;
  const a = ABOUT.exec(s);
  if (a) {
    about = true;
    s = s.slice(a[0].length);
  }
  if (s.endsWith('?')) {
    about = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(YEAR_SUFFIX, '').trim();
  const parsed = numericDate(s, opts) ?? wordDate(s, opts);
  if (!parsed) return { date: null, ambiguous: false, problem: `"${text.trim()}" is not a date` };
  const date: PartialDate = {
    year: parsed.year,
    ...(parsed.month !== undefined && { month: parsed.month }),
    ...(parsed.day !== undefined && { day: parsed.day }),
    ...(about && { about: true }),
  };
  const problem = partialDateProblem(date);
  if (problem) return { date: null, ambiguous: false, problem };
  return { date, ambiguous: parsed.ambiguous };
}

interface Parsed {
  year: number;
  month?: number;
  day?: number;
  ambiguous: boolean;
}

function year(y: string, pivot: number): number {
  if (y.length !== 2) return Number(y);
  const n = Number(y);
  return n < pivot ? 2000 + n : 1900 + n;
}

function numericDate(s: string, opts: ListDateOptions): Parsed | null {
  const pivot = opts.pivot ?? 30;
  let m = /^(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]), ambiguous: false };
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ambiguous: false };
  m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s);
  if (m)
    return { year: Number(m[1]), month: Number(m[2]), ...(m[3] && { day: Number(m[3]) }), ambiguous: false };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ambiguous: false };
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return { year: Number(m[2]), month: Number(m[1]), ambiguous: false };
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (!m) return null;
  return dayMonth(Number(m[1]), Number(m[3]), year(m[4] as string, pivot), m[2] === '.', opts.order);
}

/**
 * Day and month from "a?b?year". Dotted dates are day first (the European form). With slashes or
 * dashes the order is the caller's, or guessed: a first part over 12 must be the day, a second part
 * over 12 must be the day, and two parts that could both be months are flagged as ambiguous.
 */
function dayMonth(a: number, b: number, y: number, dotted: boolean, order?: DateOrder): Parsed {
  if (order === 'MDY') return { year: y, month: a, day: b, ambiguous: false };
  if (order === 'DMY' || order === 'YMD' || dotted) return { year: y, month: b, day: a, ambiguous: false };
  if (a > 12 || b > 12)
    return b > 12 && a <= 12
      ? { year: y, month: a, day: b, ambiguous: false }
      : { year: y, month: b, day: a, ambiguous: false };
  return { year: y, month: b, day: a, ambiguous: a !== b };
}

/** "5 March 1994", "March 5, 1994", "March 1994", "5 березня 1994", "бер. 1994". */
function wordDate(s: string, opts: ListDateOptions): Parsed | null {
  const tokens = s
    .replace(/,/g, ' ')
    .split(' ')
    .filter((t) => t !== '');
  const pivot = opts.pivot ?? 30;
  let m = tokens.length === 3 ? [tokens[0], tokens[1], tokens[2]] : null;
  if (m && /^\d{1,2}$/.test(m[0] as string) && /^\d{4}$/.test(m[2] as string)) {
    const month = monthNumber(m[1] as string);
    if (month) return { year: Number(m[2]), month, day: Number(m[0]), ambiguous: false };
  }
  if (m && /^\d{1,2}(?:st|nd|rd|th)?$/.test(m[1] as string) && /^\d{4}$/.test(m[2] as string)) {
    const month = monthNumber(m[0] as string);
    if (month) return { year: Number(m[2]), month, day: parseInt(m[1] as string, 10), ambiguous: false };
  }
  m = tokens.length === 2 ? [tokens[0], tokens[1]] : null;
  if (m && /^(\d{4}|'\d{2})$/.test(m[1] as string)) {
    const month = monthNumber(m[0] as string);
    const y = (m[1] as string).startsWith("'") ? year((m[1] as string).slice(1), pivot) : Number(m[1]);
    if (month) return { year: y, month, ambiguous: false };
  }
  return null;
}
