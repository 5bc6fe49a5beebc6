/**
 * Dates as sources give them: a year, a month or a day, possibly "about". A partial date is a value,
 * never a string: `{ year: 1994, month: 3, day: 5 }`, `{ year: 1994, about: true }`.
 *
 * The canonical text form is ISO-like with precision: "1994", "1994-03", "1994-03-05", with a leading
 * "~" for about ("~1994"). `parsePartialDate` reads only that canonical form; reading the many forms
 * found in lists (05.03.1994, 03/05/1994, "March 1994") belongs to interchange/ and matching/.
 */
import { DomainError } from './errors.js';

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly about?: boolean;
}

/** Precision of a partial date: the smallest unit it names. */
export function precisionOf(d: PartialDate): DatePrecision {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Returns a message naming what is wrong, or null when the date can exist. */
export function partialDateProblem(d: PartialDate): string | null {
  if (!Number.isInteger(d.year) || d.year < 1000 || d.year > 2999) return `year ${d.year} is out of range`;
  if (d.month === undefined) return d.day === undefined ? null : 'a day needs a month';
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return `month ${d.month} does not exist`;
  if (d.day === undefined) return null;
  const max = daysInMonth(d.year, d.month);
  if (!Number.isInteger(d.day) || d.day < 1 || d.day > max)
    return `day ${d.day} does not exist in ${d.year}-${pad(d.month)} (it has ${max} days)`;
  return null;
}

/** Builds a checked partial date; throws INVALID_DATE for dates that cannot exist (2022-02-30). */
export function partialDate(year: number, month?: number, day?: number, about = false): PartialDate {
  const d: PartialDate = {
    year,
    ...(month !== undefined && { month }),
    ...(day !== undefined && { day }),
    ...(about && { about }),
  };
  const problem = partialDateProblem(d);
  if (problem) throw new DomainError('INVALID_DATE', problem, { details: { value: formatPartialDate(d) } });
  return d;
}

const CANONICAL = /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses the canonical form ("~1994-03", "1994-03-05"); throws INVALID_DATE otherwise. */
export function parsePartialDate(text: string): PartialDate {
  const m = CANONICAL.exec(text.trim());
  if (!m)
    throw new DomainError('INVALID_DATE', `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  return partialDate(
    Number(m[2]),
    m[3] ? Number(m[3]) : undefined,
    m[4] ? Number(m[4]) : undefined,
    m[1] === '~',
  );
}

/** Canonical text form; inverse of parsePartialDate. */
export function formatPartialDate(d: PartialDate): string {
  let s = String(d.year).padStart(4, '0');
  if (d.month !== undefined) s += `-${pad(d.month)}`;
  if (d.month !== undefined && d.day !== undefined) s += `-${pad(d.day)}`;
  return d.about ? `~${s}` : s;
}

/** The earliest and latest day (as YYYY-MM-DD) the partial date may stand for. */
export function partialDateRange(d: PartialDate): { from: string; to: string } {
  const m1 = d.month ?? 1;
  const m2 = d.month ?? 12;
  const d1 = d.day ?? 1;
  const d2 = d.day ?? daysInMonth(d.year, m2);
  const y = String(d.year).padStart(4, '0');
  return { from: `${y}-${pad(m1)}-${pad(d1)}`, to: `${y}-${pad(m2)}-${pad(d2)}` };
}

/** Orders partial dates by their earliest possible day, then by precision (coarser first). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ra = partialDateRange(a).from;
  const rb = partialDateRange(b).from;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const rank = { year: 0, month: 1, day: 2 } as const;
  return rank[precisionOf(a)] - rank[precisionOf(b)];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
