/** Normal forms of non-name fields, so that equal values written differently compare equal. */
import { toLatin, nameKey } from './name-api.js';

const SEX: Record<string, string> = {};
for (const w of [
  'm',
  'male',
  'man',
  'men',
  'boy',
  'h',
  'homme',
  'männlich',
  'mannlich',
  'ч',
  'чол',
  'чоловік',
  'чоловіча',
  'чоловічий',
  'м',
  'муж',
  'мужской',
  'мужчина',
  'mężczyzna',
])
  SEX[w] = 'm';
for (const w of [
  'f',
  'female',
  'woman',
  'women',
  'girl',
  'w',
  'weiblich',
  'femme',
  'ж',
  'жін',
  'жінка',
  'жіноча',
  'жіночий',
  'жен',
  'женский',
  'женщина',
  'kobieta',
  'k',
])
  SEX[w] = 'f';

/** "m", "f" or "" from the many ways lists write sex. */
export function normaliseSex(raw: string): string {
  return SEX[raw.trim().toLowerCase().replace(/\.$/, '')] ?? '';
}

/** Lower-case Latin text with punctuation folded to single spaces. */
export function normaliseText(raw: string): string {
  return toLatin(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Place-like text (towns, regions, units, ranks) folded token by token to cross-convention keys. */
export function normalisePlace(raw: string): string {
  const text = normaliseText(raw);
  if (text === '') return '';
  return text
    .split(' ')
    .map((t) => (/^\p{L}+$/u.test(t) ? nameKey(t) || t : t))
    .join(' ');
}

/** Identity and service numbers: upper-case Latin letters and digits only. */
export function normaliseId(raw: string): string {
  return toLatin(raw)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Phone numbers: the last nine digits, which survive country codes and trunk prefixes. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** Postcodes: upper case without spaces or dashes. */
export function normalisePostcode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

/** E-mail addresses: lower case, trimmed. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
