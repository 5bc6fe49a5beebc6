/** Dates and values for display, in the interface language's conventions (Intl). */
import type { TFunction } from 'i18next';
import type { ClaimValue, PartialDate } from '../api/types.js';

/**
 * The locale for Intl: the browser's own preference when it is a variant of the interface language
 * (en-GB writes "5 Mar 1994", en-US "Mar 5, 1994"), else the interface language itself.
 */
export function intlLocale(language: string): string {
  const lang = language.slice(0, 2).toLowerCase();
  return navigator.languages.find((l) => l.toLowerCase().startsWith(lang)) ?? language;
}

/** A partial date: year, month and year, or a full date; "about" shown as "c." in every language. */
export function formatPartialDate(d: PartialDate | null | undefined, locale: string): string {
  if (!d) return '';
  const date = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (d.month) opts.month = d.day ? 'short' : 'long';
  if (d.day) opts.day = 'numeric';
  const s = new Intl.DateTimeFormat(intlLocale(locale), opts).format(date);
  return d.about ? `~ ${s}` : s;
}

/** An ISO day ("2022-05-17") or timestamp as a date in the locale. */
export function formatDay(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(day ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    ...(day && { timeZone: 'UTC' }),
  }).format(date);
}

/** A timestamp with time, in the user's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A "YYYY-MM" month as a short month and year. */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A number with the locale's grouping. */
export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A claim value of any field, as text. */
export function formatValue(field: string, value: ClaimValue, t: TFunction, locale: string): string {
  if (typeof value === 'string') {
    if (field === 'sex') return t(`sex.${value}`, { defaultValue: value });
    return value;
  }
  if ('years' in value) return t('age.value', { years: value.years, date: formatDay(value.asOf, locale) });
  return formatPartialDate(value, locale);
}

/** A date of birth as the summaries carry it ("1994-03-05", "1994-03", "~1994"), shown in the locale. */
export function formatSummaryDate(text: string | undefined, locale: string): string {
  if (!text) return '';
  const m = /^(~)?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return text;
  return formatPartialDate(
    {
      year: Number(m[2]),
      ...(m[3] && { month: Number(m[3]) }),
      ...(m[4] && { day: Number(m[4]) }),
      ...(m[1] && { about: true }),
    },
    locale,
  );
}

/** The name to show for a person from its fields: family name, given name, patronymic. */
export function displayName(fields: Record<string, string | undefined>): string {
  const parts = [fields['family_name'], fields['given_name'], fields['patronymic']].filter(Boolean);
  return parts.length ? parts.join(' ') : (fields['name_original'] ?? '');
}

/** A match probability as a percentage; below one per cent it reads "< 1 %" rather than a misleading 0. */
export function formatProbability(p: number, locale: string): string {
  const f = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 });
  return p > 0 && p < 0.01 ? `< ${f.format(0.01)}` : f.format(p);
}
