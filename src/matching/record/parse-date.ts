/**
 * Birth dates as lists write them, read into year, month and day with precision. A date whose day
 * and month could be read either way (03/05/1994) keeps both readings: the first is day-first,
 * `altMonth`/`altDay` hold the month-first reading, so a comparison can accept either.
 */

/** A date read from text. Unknown parts are 0. `alt*` are 0 unless the text was ambiguous. */
export interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly altMonth: number;
  readonly altDay: number;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'січня', 'січень', 'января', 'январь', 'januar', 'janvier', 'stycznia', 'enero'],
  ['february', 'feb', 'лютого', 'лютий', 'февраля', 'февраль', 'februar', 'février', 'fevrier', 'lutego'],
  ['march', 'mar', 'березня', 'березень', 'марта', 'март', 'märz', 'marz', 'mars', 'marca', 'marzo'],
  ['april', 'apr', 'квітня', 'квітень', 'апреля', 'апрель', 'avril', 'kwietnia', 'abril'],
  ['may', 'травня', 'травень', 'мая', 'май', 'mai', 'maja', 'mayo'],
  ['june', 'jun', 'червня', 'червень', 'июня', 'июнь', 'juni', 'juin', 'czerwca', 'junio'],
  ['july', 'jul', 'липня', 'липень', 'июля', 'июль', 'juli', 'juillet', 'lipca', 'julio'],
  ['august', 'aug', 'серпня', 'серпень', 'августа', 'август', 'août', 'aout', 'sierpnia', 'agosto'],
  ['september', 'sep', 'sept', 'вересня', 'вересень', 'сентября', 'сентябрь', 'septembre', 'września'],
  ['october', 'oct', 'жовтня', 'жовтень', 'октября', 'октябрь', 'oktober', 'octobre', 'października'],
  ['november', 'nov', 'листопада', 'листопад', 'ноября', 'ноябрь', 'novembre', 'listopada', 'noviembre'],
  ['december', 'dec', 'грудня', 'грудень', 'декабря', 'декабрь', 'dezember', 'décembre', 'grudnia'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const EMPTY: ParsedDate = { year: 0, month: 0, day: 0, altMonth: 0, altDay: 0 };
const YMD = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ].*)?$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const MY = /^(\d{1,2})[-/.](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR = /^(?:~|c\.?\s*|ca\.?\s*|about\s+|circa\s+)?(\d{4})(?:\s*р\.?|\s*г\.?)?$/;

/** True when year, month and day name a day that exists (month or day 0 means unknown). */
function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0 || d > 31) return false;
  if (m === 0) return d === 0;
  if (d === 0) return true;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function make(y: number, m: number, d: number, am = 0, ad = 0): ParsedDate | null {
  if (!valid(y, m, d)) return null;
  return am && valid(y, am, ad)
    ? { year: y, month: m, day: d, altMonth: am, altDay: ad }
    : { ...EMPTY, year: y, month: m, day: d };
}

/** Two-digit years pivot at 30: "05.03.94" is 1994, "05.03.12" is 2012. */
function fullYear(s: string): number {
  const n = Number(s);
  return s.length === 4 ? n : n <= 30 ? 2000 + n : 1900 + n;
}

function slashed(a: number, sep: string, b: number, y: number): ParsedDate | null {
  // Dots and dashes are day-first wherever they are used; slashes are ambiguous when both fit.
  if (sep !== '/' || a > 12) return make(y, b, a) ?? make(y, a, b);
  if (b > 12) return make(y, a, b);
  if (a === b) return make(y, a, b);
  return make(y, b, a, a, b) ?? make(y, a, b);
}

function worded(text: string): ParsedDate | null {
  const parts = text
    .toLowerCase()
    .replace(/[,]/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s.]+/)
    .filter((p) => p && p !== 'of' && p !== 'року' && p !== 'года' && p !== 'р' && p !== 'г');
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of parts) {
    const month = MONTHS[p] ?? MONTHS[p.slice(0, 3)];
    if (/^\d{4}$/.test(p)) y = Number(p);
    else if (/^\d{1,2}$/.test(p)) d = Number(p);
    else if (month !== undefined && m === 0) m = month;
    else return null;
  }
  return y && m ? make(y, m, d) : null;
}

/**
 * Reads a date of birth from any common form: ISO (1994-03-05), compact (19940305), day-first
 * (05.03.1994, 05-03-1994), slashed (05/03/1994, ambiguous readings kept), worded ("5 March 1994",
 * "March 5, 1994", "5 березня 1994"), month and year, or a year alone. Returns null for text that
 * is not a date or names a day that does not exist.
 */
export function parseDate(raw: string): ParsedDate | null {
  const text = raw.trim();
  if (text === '') return null;
  let m = COMPACT.exec(text);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YMD.exec(text);
  if (m) return make(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 0);
  m = DMY.exec(text);
  if (m) return slashed(Number(m[1]), m[2]!, Number(m[3]), fullYear(m[4]!));
  m = MY.exec(text);
  if (m) return make(Number(m[2]), Number(m[1]), 0);
  m = YEAR.exec(text.toLowerCase());
  if (m) return make(Number(m[1]), 0, 0);
  return worded(text);
}

/**
 * The birth-year range an age implies at a reference date: someone aged 28 on 2022-05-10 was born
 * between 1993 and 1994. Without a reference date (or with a bad one), null.
 */
export function birthYearsFromAge(ageText: string, asOf: string | undefined): [number, number] | null {
  const age = Number.parseInt(ageText.replace(/[^\d]/g, ''), 10);
  if (!Number.isFinite(age) || age < 0 || age > 130 || asOf === undefined) return null;
  const ref = parseDate(asOf);
  if (!ref) return null;
  return [ref.year - age - 1, ref.year - age];
}
