/** Calendar arithmetic and the date forms sources write. */
import type { CivilDate } from './types.js';

/**
 * Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar. Pure arithmetic
 * (H. Hinnant's days-from-civil), so the hot loop creates no Date objects.
 */
export function dayNumber(d: CivilDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = d.month > 2 ? d.month - 3 : d.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `days` days after 1970-01-01 (the inverse of dayNumber). */
export function fromDayNumber(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
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
