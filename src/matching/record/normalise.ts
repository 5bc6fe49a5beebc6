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

const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Text and place normalisation memoised per token for one prepare run: towns, units and ranks are
 * written in many combinations of a small vocabulary, so tokens repeat even when whole values don't.
 */
export class TextCache {
  private readonly latins = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  private latinOf(token: string): string {
    let v = this.latins.get(token);
    if (v === undefined) {
      v = toLatin(token)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (this.latins.size > 1_000_000) this.latins.clear();
      this.latins.set(token, v);
    }
    return v;
  }

  private keyOf(token: string): string {
    let v = this.keys.get(token);
    if (v === undefined) {
      const latin = this.latinOf(token);
      v = latin
        .split(' ')
        .map((t) => (/^\p{L}+$/u.test(t) ? nameKey(t) || t : t))
        .join(' ');
      if (this.keys.size > 1_000_000) this.keys.clear();
      this.keys.set(token, v);
    }
    return v;
  }

  private join(raw: string | undefined, fn: (t: string) => string): string {
    if (!raw) return '';
    const parts = raw.split(SPLIT);
    let out = '';
    for (const p of parts) {
      if (p === '') continue;
      const v = fn(p);
      if (v !== '') out = out === '' ? v : `${out} ${v}`;
    }
    return out;
  }

  /** Same result as normaliseText. */
  text(raw: string | undefined): string {
    return this.join(raw, (t) => this.latinOf(t));
  }

  /** Same result as normalisePlace. */
  place(raw: string | undefined): string {
    return this.join(raw, (t) => this.keyOf(t));
  }
}
