/** Calendar arithmetic and the date forms sources write. */
import type { CivilDate } from './types.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (negative before). */
export function dayNumber(d: CivilDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

/** The date `days` days after 1970-01-01. */
export function fromDayNumber(days: number): CivilDate {
  const t = new Date(days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Completed years of age on `at` for someone born on `birth`. */
export function ageAt(birth: CivilDate, at: CivilDate): number {
  const before = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (before ? 1 : 0);
}

/** How a source writes a full date. */
export type DateFormat = 'iso' | 'dmy-dot' | 'mdy-slash' | 'dmy-slash';

/** Every date format, in a stable order. */
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy-dot', 'mdy-slash', 'dmy-slash'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Writes a date in a source's format: iso 1994-03-05, dmy-dot 05.03.1994, mdy-slash 03/05/1994. */
export function formatDate(d: CivilDate, format: DateFormat): string {
  switch (format) {
    case 'iso':
      return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    case 'dmy-dot':
      return `${pad2(d.day)}.${pad2(d.month)}.${d.year}`;
    case 'mdy-slash':
      return `${pad2(d.month)}/${pad2(d.day)}/${d.year}`;
    case 'dmy-slash':
      return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
  }
}

/** Reads a date written by `formatDate` back; null when the text is not in that format. */
export function parseFormattedDate(text: string, format: DateFormat): CivilDate | null {
  const parts = text.split(/[-./]/).map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isInteger(p))) return null;
  const [a, b, c] = parts as [number, number, number];
  switch (format) {
    case 'iso':
      return { year: a, month: b, day: c };
    case 'dmy-dot':
    case 'dmy-slash':
      return { year: c, month: b, day: a };
    case 'mdy-slash':
      return { year: c, month: a, day: b };
  }
}

/** The same date with day and month exchanged, when that is still a date and a different one. */
export function swapDayMonth(d: CivilDate): CivilDate | null {
  if (d.day > 12 || d.day === d.month) return null;
  return { year: d.year, month: d.day, day: d.month };
}
