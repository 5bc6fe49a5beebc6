/** Name features of one record, from whichever name columns it has. */
import type { MatchRecord } from './field-types.js';
import { nameKey, parseName, givenNameClass, patronymicClass, daitchMokotoff, toLatin } from './name-api.js';

/** What the matcher keeps of a person's name. Empty strings stand for missing parts. */
export interface NameFeatures {
  readonly given: string;
  readonly givenLatin: string;
  readonly given2: string;
  readonly givenClass: string;
  readonly family: string;
  readonly familyLatin: string;
  readonly patronymic: string;
  readonly patronymicClass: string;
  readonly tokens: readonly string[];
  readonly familyCodes: readonly string[];
}

const EMPTY: NameFeatures = {
  given: '',
  givenLatin: '',
  given2: '',
  givenClass: '',
  family: '',
  familyLatin: '',
  patronymic: '',
  patronymicClass: '',
  tokens: [],
  familyCodes: [],
};

function words(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/[\s,;/]+/)
    .map((w) => w.replace(/^[.'"()-]+|[.'"()-]+$/g, ''))
    .filter((w) => w !== '');
}

interface Parts {
  given: string[];
  family: string[];
  patronymic: string | null;
}

function partsOf(f: MatchRecord['fields']): Parts {
  const given = words(f.given_name);
  const family = words(f.family_name);
  let patronymic = f.patronymic?.trim() || null;
  if (f.full_name?.trim() && (given.length === 0 || family.length === 0)) {
    const p = parseName(f.full_name);
    const pg = p.given.length > 0 ? p.given : p.initials.slice(0, 1);
    return {
      given: given.length > 0 ? given : pg,
      family: family.length > 0 ? family : p.family,
      patronymic: patronymic ?? p.patronymic,
    };
  }
  // A given-name column often carries the patronymic too ("Андрій Миколайович").
  if (patronymic === null && given.length >= 2 && patronymicClass(given[given.length - 1]!) !== null)
    patronymic = given.pop()!;
  return { given, family, patronymic };
}

function keyOf(token: string | undefined): string {
  return token === undefined ? '' : nameKey(token);
}

/** Lower-case Latin spelling: typos survive here, while keys fold them with spelling variants. */
function latin(token: string | undefined): string {
  return token === undefined ? '' : toLatin(token).toLowerCase();
}

/** Computes name features; callers cache by the raw name columns, since names repeat a lot. */
export function nameFeatures(f: MatchRecord['fields']): NameFeatures {
  if (!f.full_name && !f.given_name && !f.family_name && !f.patronymic) return EMPTY;
  const p = partsOf(f);
  const given = keyOf(p.given[0]);
  const familyKeys = p.family.map(keyOf).filter((k) => k !== '');
  const patronymic = p.patronymic ? keyOf(p.patronymic) : '';
  const codes = new Set<string>();
  for (const t of p.family) for (const c of daitchMokotoff(t)) codes.add(c);
  const tokens = [...p.given.map(keyOf), ...familyKeys, ...(patronymic ? [patronymic] : [])].filter(Boolean);
  return {
    given,
    givenLatin: latin(p.given[0]),
    given2: keyOf(p.given[1]),
    givenClass: given === '' ? '' : given.length <= 1 ? '' : (givenNameClass(p.given[0]!) ?? `=${given}`),
    family: familyKeys.join(' '),
    familyLatin: p.family.map(latin).join(' '),
    patronymic,
    patronymicClass: p.patronymic ? (patronymicClass(p.patronymic) ?? `=${patronymic}`) : '',
    tokens,
    familyCodes: [...codes],
  };
}

/** The cache key of a record's name columns. */
export function nameCacheKey(f: MatchRecord['fields']): string {
  return `${f.full_name ?? ''}\u0001${f.given_name ?? ''}\u0001${f.family_name ?? ''}\u0001${f.patronymic ?? ''}`;
}
