/**
 * Letter tables of the romanisation conventions. Data, not code: `transliterate.ts` interprets them.
 * A letter maps either to one string or to a positional rule: `start` at the beginning of a word,
 * `vowel` after a vowel, soft or hard sign or apostrophe, `cons` after a consonant, `between`
 * between two vowels, `d` otherwise.
 * Clusters are sequences matched before single letters; a trailing `$` anchors one at word end.
 */

/** How one Cyrillic letter is written, by position. */
export interface LetterRule {
  readonly d: string;
  readonly start?: string;
  readonly vowel?: string;
  readonly cons?: string;
  /** Between two vowels (German and French double s there so that it is not read as z). */
  readonly between?: string;
}

/** A table from lower-case Cyrillic letters to Latin. */
export type LetterTable = Readonly<Record<string, string | LetterRule>>;

/** One convention: shared letters, per-language overrides and clusters. */
export interface ConventionSpec {
  readonly letters: LetterTable;
  readonly uk?: LetterTable;
  readonly ru?: LetterTable;
  readonly be?: LetterTable;
  readonly clusters?: Readonly<Record<string, string>>;
  readonly ukClusters?: Readonly<Record<string, string>>;
  readonly ruClusters?: Readonly<Record<string, string>>;
}

const iot = (d: string, start: string, vowel = start): LetterRule => ({ d, start, vowel });

// Letters every convention shares.
// prettier-ignore
const COMMON: LetterTable = {
  а: 'a', б: 'b', д: 'd', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', т: 't', ф: 'f',
  ъ: '', ь: '', "'": '',
};

// Ukrainian national system (Cabinet of Ministers resolution 55 of 2010): iotated letters are
// written with y- only at the start of a word; зг is zgh so that it does not read as ж.
// prettier-ignore
const UA_NATIONAL: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'h', ґ: 'g', е: 'e', є: { d: 'ie', start: 'ye' }, ж: 'zh', з: 'z', и: 'y',
    і: 'i', ї: { d: 'i', start: 'yi' }, й: { d: 'i', start: 'y' }, с: 's', у: 'u', х: 'kh', ц: 'ts',
    ч: 'ch', ш: 'sh', щ: 'shch', ю: { d: 'iu', start: 'yu' }, я: { d: 'ia', start: 'ya' },
    ы: 'y', э: 'e', ё: { d: 'io', start: 'yo' }, ў: 'u',
  },
  clusters: { зг: 'zgh' },
};

// BGN/PCGN 1965 for Ukrainian: as the national system, but the soft sign is kept as a prime.
// prettier-ignore
const BGN_UK: ConventionSpec = {
  letters: { ...UA_NATIONAL.letters, ь: '’', є: iot('ie', 'ye'), ю: iot('iu', 'yu'), я: iot('ia', 'ya') },
  clusters: { зг: 'z·h' },
};

// BGN/PCGN 1947 for Russian: ye/yë after vowels, signs and at word start; й is y.
// prettier-ignore
const BGN_RU: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: iot('e', 'ye'), ё: iot('ë', 'yë'), ж: 'zh', з: 'z', и: 'i',
    й: 'y', с: 's', у: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '”', ы: 'y', ь: '’',
    э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ў: 'w',
  },
};

// ISO 9:1995, one Latin letter (with diacritics) per Cyrillic letter, reversible.
// prettier-ignore
const ISO9: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g̀', е: 'e', є: 'ê', ж: 'ž', з: 'z', и: 'i', і: 'ì', ї: 'ï', й: 'j',
    с: 's', у: 'u', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ', ы: 'y', ь: 'ʹ', э: 'è', ю: 'û',
    я: 'â', ё: 'ë', ў: 'ŭ', "'": '’',
  },
};

// Scholarly (Slavist) transliteration: háčeks, j for iotation, x for х.
// prettier-ignore
const SCHOLARLY: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: 'e', є: 'je', ж: 'ž', з: 'z', и: 'i', і: 'i', ї: 'ji', й: 'j',
    с: 's', у: 'u', х: 'x', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ъ: 'ʺ', ы: 'y', ь: 'ʹ', э: 'è', ю: 'ju',
    я: 'ja', ё: 'ë', ў: 'ŭ', "'": 'ʼ',
  },
  uk: { г: 'h', и: 'y' },
  be: { г: 'h' },
};

// German press usage (Duden): w, s for з, z for ц, sch, tsch, schtsch, j for iotation.
// prettier-ignore
const GERMAN: ConventionSpec = {
  letters: {
    ...COMMON, в: 'w', г: 'g', ґ: 'g', е: iot('e', 'je'), є: iot('je', 'je'), ж: 'sch', з: 's', и: 'i',
    і: 'i', ї: 'ji', й: 'j', с: { d: 's', between: 'ss' }, у: 'u', х: 'ch', ц: 'z', ч: 'tsch',
    ш: 'sch', щ: 'schtsch', ы: 'y', э: 'e', ю: 'ju', я: 'ja', ё: iot('jo', 'jo'), ў: 'w',
  },
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  clusters: { ьо: 'jo', жё: 'scho', чё: 'tscho', шё: 'scho', щё: 'schtscho' },
  ruClusters: { ский$: 'ski', цкий$: 'zki', ий$: 'ij', ый$: 'y' },
  ukClusters: { ий$: 'yj' },
};

// French press usage: ou for у, ch for ш, tch for ч, j for ж, ï after vowels.
// prettier-ignore
const FRENCH: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: 'e', є: 'ie', ж: 'j', з: 'z', и: 'i', і: 'i',
    ї: 'ï', й: { d: 'i', vowel: 'ï' }, с: { d: 's', between: 'ss' }, у: 'ou', х: 'kh', ц: 'ts',
    ч: 'tch', ш: 'ch', щ: 'chtch', ы: 'y', э: 'e', ю: 'iou', я: 'ia', ё: 'io', ў: 'ou',
  },
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  clusters: { ьо: 'io', жё: 'jo', чё: 'tcho', шё: 'cho', щё: 'chtcho' },
  ruClusters: { ский$: 'ski', ий$: 'i', ый$: 'y', ин$: 'ine', ын$: 'yne', ге: 'gue', ги: 'gui' },
  ukClusters: { ський$: 'sky', ий$: 'yï' },
};

// Polish press usage: w, sz, cz, szcz, ż, c for ц, ł before back vowels and l before soft ones.
// prettier-ignore
const POLISH: ConventionSpec = {
  letters: {
    ...COMMON, в: 'w', г: 'g', ґ: 'g', е: iot('ie', 'je'), є: iot('ie', 'je'), ж: 'ż', з: 'z', и: 'i',
    і: 'i', ї: 'ji', й: 'j', л: 'ł', с: 's', у: 'u', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz',
    ы: 'y', э: 'e', ю: iot('iu', 'ju'), я: iot('ia', 'ja'), ё: iot('io', 'jo'), ў: 'w',
  },
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  clusters: {
    ль: 'l', ля: 'la', лю: 'lu', лє: 'le', лі: 'li', лї: 'lji', льо: 'lo', лё: 'lo', нь: 'ń', ць: 'ć', жи: 'ży', ши: 'szy', чи: 'czy', ци: 'cy', же: 'że', ше: 'sze', че: 'cze', це: 'ce',
    ще: 'szcze', ьо: 'io',
  },
  ruClusters: { ле: 'le', ский$: 'ski', цкий$: 'cki', ий$: 'i', ый$: 'y' },
  ukClusters: { ий$: 'yj' },
};

// Spanish press usage: j for х, gu before e and i, y for iotation at the start.
// prettier-ignore
const SPANISH: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: iot('e', 'ye'), є: iot('ie', 'ye'), ж: 'zh', з: 'z', и: 'i',
    і: 'i', ї: 'i', й: 'i', с: 's', у: 'u', х: 'j', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ы: 'y',
    э: 'e', ю: iot('iu', 'yu'), я: iot('ia', 'ya'), ё: iot('io', 'yo'), ў: 'u',
  },
  uk: { г: 'h' },
  be: { г: 'h' },
  clusters: { жё: 'zho', чё: 'cho', шё: 'sho', щё: 'scho', ьо: 'io' },
  ruClusters: { ге: 'gue', ги: 'gui', ий$: 'i', ый$: 'i' },
  ukClusters: { ий$: 'i', ій$: 'i' },
};

// Czech usage: háčeks, j for iotation, h for Ukrainian г, ch for х.
// prettier-ignore
const CZECH: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: iot('e', 'je'), є: iot('je', 'je'), ж: 'ž', з: 'z', и: 'i',
    і: 'i', ї: 'ji', й: 'j', с: 's', у: 'u', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ы: 'y',
    э: 'e', ю: 'ju', я: 'ja', ё: iot('jo', 'jo'), ў: 'u',
  },
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  clusters: { ьо: 'jo', жё: 'žo', чё: 'čo', шё: 'šo', щё: 'šču' },
  ruClusters: { ий$: 'ij', ый$: 'yj' },
  ukClusters: { ий$: 'yj' },
};

// Typical English spellings (press, older passports): y for iotation and й, -sky, no signs.
// prettier-ignore
const ENGLISH_POPULAR: ConventionSpec = {
  letters: {
    ...COMMON, в: 'v', г: 'g', ґ: 'g', е: iot('e', 'ye'), є: iot('ie', 'ye'), ж: 'zh', з: 'z', и: 'i',
    і: 'i', ї: iot('i', 'yi'), й: 'y', с: 's', у: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
    щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya', ё: 'yo', ў: 'u',
  },
  uk: { г: 'h', и: 'y', е: 'e' },
  be: { г: 'h' },
  clusters: { ьо: 'yo', жё: 'zho', чё: 'cho', шё: 'sho', щё: 'shcho' },
  ruClusters: { ский$: 'sky', ий$: 'y', ый$: 'y' },
  ukClusters: { ський$: 'sky', цький$: 'tsky', ий$: 'yy' },
};

/** Every convention's specification, by name. */
export const CONVENTION_SPECS = {
  'ua-national-2010': UA_NATIONAL,
  'bgn-pcgn-uk': BGN_UK,
  'bgn-pcgn-ru': BGN_RU,
  iso9: ISO9,
  scholarly: SCHOLARLY,
  german: GERMAN,
  french: FRENCH,
  polish: POLISH,
  spanish: SPANISH,
  czech: CZECH,
  'english-popular': ENGLISH_POPULAR,
} as const satisfies Record<string, ConventionSpec>;
