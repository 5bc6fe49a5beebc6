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

/**
 * Memoised names API, one per prepare run. Tokens repeat far more than whole names do (a typo in
 * one part makes the whole name new), so caching is per token.
 */
export class NameTokenCache {
  private readonly keys = new Map<string, string>();
  private readonly latins = new Map<string, string>();
  private readonly codes = new Map<string, readonly string[]>();
  private readonly givenClasses = new Map<string, string | null>();
  private readonly patronymicClasses = new Map<string, string | null>();
  private readonly parsed = new Map<string, ReturnType<typeof parseName>>();

  private static memo<V>(map: Map<string, V>, token: string, fn: (t: string) => V): V {
    let v = map.get(token);
    if (v === undefined && !map.has(token)) {
      v = fn(token);
      if (map.size > 2_000_000) map.clear();
      map.set(token, v);
    }
    return v as V;
  }

  key(t: string): string {
    return NameTokenCache.memo(this.keys, t, nameKey);
  }
  latin(t: string): string {
    return NameTokenCache.memo(this.latins, t, (x) => toLatin(x).toLowerCase());
  }
  soundCodes(t: string): readonly string[] {
    return NameTokenCache.memo(this.codes, t, daitchMokotoff);
  }
  givenClass(t: string): string | null {
    return NameTokenCache.memo(this.givenClasses, t, givenNameClass);
  }
  patronymicClass(t: string): string | null {
    return NameTokenCache.memo(this.patronymicClasses, t, patronymicClass);
  }
  parse(full: string): ReturnType<typeof parseName> {
    return NameTokenCache.memo(this.parsed, full, parseName);
  }
}

function partsOf(f: MatchRecord['fields'], c: NameTokenCache): Parts {
  const given = words(f.given_name);
  const family = words(f.family_name);
  let patronymic = f.patronymic?.trim() || null;
  if (f.full_name?.trim() && (given.length === 0 || family.length === 0)) {
    const p = c.parse(f.full_name);
    const pg = p.given.length > 0 ? p.given : p.initials.slice(0, 1);
    return {
      given: given.length > 0 ? given : pg,
      family: family.length > 0 ? family : p.family,
      patronymic: patronymic ?? p.patronymic,
    };
  }
  // A given-name column often carries the patronymic too ("Андрій Миколайович").
  if (patronymic === null && given.length >= 2 && c.patronymicClass(given[given.length - 1]!) !== null)
    patronymic = given.pop()!;
  return { given, family, patronymic };
}

/** Computes the name features of a record's name columns. */
export function nameFeatures(f: MatchRecord['fields'], c: NameTokenCache): NameFeatures {
  if (!f.full_name && !f.given_name && !f.family_name && !f.patronymic) return EMPTY;
  const p = partsOf(f, c);
  const first = p.given[0];
  const given = first === undefined ? '' : c.key(first);
  const familyKeys: string[] = [];
  const codes: string[] = [];
  for (const t of p.family) {
    const k = c.key(t);
    if (k !== '') familyKeys.push(k);
    for (const code of c.soundCodes(t)) if (!codes.includes(code)) codes.push(code);
  }
  const patronymic = p.patronymic ? c.key(p.patronymic) : '';
  const tokens: string[] = [];
  for (const t of p.given) {
    const k = c.key(t);
    if (k !== '') tokens.push(k);
  }
  tokens.push(...familyKeys);
  if (patronymic) tokens.push(patronymic);
  return {
    given,
    givenLatin: first === undefined ? '' : c.latin(first),
    given2: p.given[1] === undefined ? '' : c.key(p.given[1]),
    givenClass: given.length <= 1 ? '' : (c.givenClass(first!) ?? `=${given}`),
    family: familyKeys.length === 1 ? familyKeys[0]! : familyKeys.join(' '),
    familyLatin: p.family.length === 1 ? c.latin(p.family[0]!) : p.family.map((t) => c.latin(t)).join(' '),
    patronymic,
    patronymicClass: p.patronymic ? (c.patronymicClass(p.patronymic) ?? `=${patronymic}`) : '',
    tokens,
    familyCodes: codes,
  };
}
