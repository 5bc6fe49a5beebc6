/** Client-side rules, mirroring the server's, with messages in the user's language. */
import type { TFunction } from 'i18next';
import type { PartialDate } from '../api/types.js';

/** The fields of a partial date as a form holds them (empty string for "not given"). */
export interface DateFields {
  year: number | string;
  month: number | string;
  day: number | string;
  about: boolean;
}

export const emptyDate: DateFields = { year: '', month: '', day: '', about: false };

const num = (v: number | string): number | null =>
  v === '' || v === null || v === undefined ? null : Number(v);

/** Problems of a partial date, per part; `required` says whether a year must be given. */
export function dateProblems(
  d: DateFields,
  t: TFunction,
  required: boolean,
): Partial<Record<'year' | 'month' | 'day', string>> {
  const y = num(d.year);
  const m = num(d.month);
  const day = num(d.day);
  const out: Partial<Record<'year' | 'month' | 'day', string>> = {};
  if (y === null) {
    if (required || m !== null || day !== null) out.year = t('validation.required');
  } else if (!Number.isInteger(y) || y < 1850 || y > 2100) out.year = t('validation.year');
  if (m !== null && (!Number.isInteger(m) || m < 1 || m > 12)) out.month = t('validation.month');
  if (day !== null) {
    if (m === null) out.day = t('validation.dayNeedsMonth');
    else if (y !== null && m >= 1 && m <= 12) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (!Number.isInteger(day) || day < 1 || day > last) out.day = t('validation.day');
    }
  }
  return out;
}

/** The partial date to send, or null when no year was given. */
export function toPartialDate(d: DateFields): PartialDate | null {
  const y = num(d.year);
  if (y === null) return null;
  const m = num(d.month);
  const day = num(d.day);
  return {
    year: y,
    ...(m !== null && { month: m }),
    ...(m !== null && day !== null && { day }),
    ...(d.about && { about: true }),
  };
}

/** A "YYYY-MM-DD" day that exists, or a message. */
export function dayProblem(v: string, t: TFunction, required = false): string | null {
  if (!v) return required ? t('validation.required') : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return t('validation.dateFormat');
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v) ? t('validation.dateNotExist') : null;
}

/** Required text within a length. */
export function textProblem(v: string, t: TFunction, max: number, required = true): string | null {
  if (!v.trim()) return required ? t('validation.required') : null;
  return v.trim().length > max ? t('validation.tooLong') : null;
}
