/**
 * The generator's data files, loaded once and indexed for drawing: weighted tables for sampling and
 * maps from Ukrainian forms to their Russian counterparts for rendering.
 */
import givenNamesJson from './data/given-names.json' with { type: 'json' };
import surnamesJson from './data/surnames.json' with { type: 'json' };
import placesJson from './data/places.json' with { type: 'json' };
import militaryJson from './data/military.json' with { type: 'json' };
import { WeightedTable } from './prng.js';

/** One given name with its Russian form, short forms and irregular patronymics. */
export interface GivenName {
  readonly uk: string;
  readonly ru: string;
  readonly w: number;
  readonly dimUk: readonly string[];
  readonly dimRu: readonly string[];
  readonly patrUk?: readonly string[];
  readonly patrRu?: readonly string[];
}

/** A town: Ukrainian and Russian names, oblast index, weights as birth and as event place. */
export type TownRow = readonly [string, string, number, number, number];

/** A rank in every language a source may write it in. */
export interface Rank {
  readonly uk: string;
  readonly ru: string;
  readonly en: string;
  readonly de: string;
  readonly fr: string;
  readonly pl: string;
  readonly w: number;
}

/** A kind of military unit, its names and abbreviations, and the numbers it comes with. */
export interface UnitKind extends Omit<Rank, 'w'> {
  readonly ukAbbr: string;
  readonly ruAbbr: string;
  readonly numbers: readonly number[];
  readonly w: number;
}

export const MALE_NAMES: readonly GivenName[] = givenNamesJson.male;
export const FEMALE_NAMES: readonly GivenName[] = givenNamesJson.female;
export const maleNames = new WeightedTable(MALE_NAMES, (n) => n.w);
export const femaleNames = new WeightedTable(FEMALE_NAMES, (n) => n.w);

/** Given names by their Ukrainian form (male and female), for the Russian renderings. */
export const givenNameByUk: ReadonlyMap<string, GivenName> = new Map(
  [...MALE_NAMES, ...FEMALE_NAMES].map((n) => [n.uk, n]),
);

export const OBLASTS: readonly (readonly [string, string])[] = placesJson.oblasts as [string, string][];
export const TOWNS: readonly TownRow[] = placesJson.towns as unknown as TownRow[];
export const VILLAGES: readonly (readonly [string, string])[] = placesJson.villages as [string, string][];
export const VILLAGE_SHARE: number = placesJson.villageShare;
export const birthTowns = new WeightedTable(TOWNS, (t) => t[3]);
export const eventTowns = new WeightedTable(TOWNS, (t) => t[4]);

/** Russian forms of place names and oblast adjectives, by their Ukrainian form. */
export const russianPlaceName: ReadonlyMap<string, string> = new Map([
  ...TOWNS.map((t) => [t[0], t[1]] as const),
  ...VILLAGES.map((v) => [v[0], v[1]] as const),
  ...OBLASTS.map((o) => [o[0], o[1]] as const),
]);

export const RANKS: readonly Rank[] = militaryJson.ranks;
export const UNIT_KINDS: readonly UnitKind[] = militaryJson.unitKinds;
export const ranks = new WeightedTable(
  RANKS.map((_, i) => i),
  (i) => RANKS[i]?.w ?? 0,
);
export const unitKinds = new WeightedTable(
  UNIT_KINDS.map((_, i) => i),
  (i) => UNIT_KINDS[i]?.w ?? 0,
);
/** Ranks and unit kinds by their Ukrainian name, with the unit kind's position in the data. */
export const rankByUk: ReadonlyMap<string, Rank> = new Map(RANKS.map((r) => [r.uk, r]));
export const unitKindByUk: ReadonlyMap<string, { kind: UnitKind; index: number }> = new Map(
  UNIT_KINDS.map((kind, index) => [kind.uk, { kind, index }]),
);
export const SERVICE_LETTERS: string = militaryJson.serviceNumberLetters;

const SUFFIXES: Readonly<Record<string, string>> = surnamesJson.suffixes;

const SIBILANTS = 'чшщжц';
const VOWELS = 'аеєиіїоуюя';
/** Consonants after which -ський joins directly (Бондарський, Київський, Бахмутський). */
const DIRECT_SKYI = 'нрвйт';

/**
 * Joins a stem and a suffix the way the spelling wants it (Галич + ський = Галицький, Левк + енко =
 * Левченко, Сокол + ський = Сокольський), or null where the pair makes no plausible surname.
 */
export function joinStem(stem: string, suffix: string): string | null {
  const last = stem.slice(-1);
  const beforeLast = stem.slice(-2, -1);
  if (last === 'й' && VOWELS.includes(suffix[0] as string)) return null;
  if (suffix === 'ко' && (SIBILANTS.includes(last) || !VOWELS.includes(beforeLast))) return null;
  if (suffix === 'ський') {
    if ('кчц'.includes(last)) return `${stem.slice(0, -1)}цький`;
    if (last === 'л') return `${stem}ьський`;
    if (last === 'с') return `${stem}ький`;
    if (last === 'ь' || DIRECT_SKYI.includes(last)) return stem + suffix;
    return `${stem}івський`;
  }
  if (last === 'к' && (suffix === 'енко' || suffix === 'ук')) return `${stem.slice(0, -1)}ч${suffix}`;
  if (suffix === 'чук' && SIBILANTS.includes(last)) return `${stem}ук`;
  if (suffix === 'чук' && last === 'к') return `${stem.slice(0, -1)}чук`;
  if (suffix === 'як' && SIBILANTS.includes(last)) return `${stem}ак`;
  return stem + suffix;
}

function buildSurnames(): { names: string[]; weights: number[] } {
  const common = surnamesJson.common as [string, number][];
  const commonTotal = common.reduce((s, [, w]) => s + w, 0);
  const derived = new Set<string>();
  for (const [stem, codes] of surnamesJson.stems as [string, string][]) {
    for (const code of codes) {
      const suffix = SUFFIXES[code];
      const joined = suffix === undefined ? null : joinStem(stem, suffix);
      if (joined) derived.add(joined);
    }
  }
  for (const [name] of common) derived.delete(name);
  const share = surnamesJson.commonShare;
  // The derived long tail gets the remaining share, spread evenly.
  const each = (commonTotal * (1 - share)) / share / Math.max(1, derived.size);
  return {
    names: [...common.map(([n]) => n), ...derived],
    weights: [...common.map(([, w]) => w), ...[...derived].map(() => each)],
  };
}

const surnameData = buildSurnames();

/** Every surname the generator can draw (masculine forms), for tests and documentation. */
export const SURNAMES: readonly string[] = surnameData.names;
export const surnames = new WeightedTable(
  SURNAMES.map((_, i) => i),
  (i) => surnameData.weights[i] ?? 0,
);
