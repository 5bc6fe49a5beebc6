/**
 * Given-name equivalence classes across Ukrainian, Russian, Belarusian, Polish, German, French and
 * English (data/given-names.json, see data/README.md). At load time every form, and every
 * romanisation of every Cyrillic form by every convention, is indexed by its name key, so a lookup
 * is one key computation and one map access.
 */
import data from './data/given-names.json' with { type: 'json' };
import { givenNameKey } from './name-key.js';
import { CONVENTIONS, transliterate } from './transliterate.js';

/** A language of the class data; `latin` holds further Latin spellings of any origin. */
export type GivenNameLanguage = 'uk' | 'ru' | 'be' | 'pl' | 'de' | 'fr' | 'en' | 'latin';

/** One equivalence class of given names, as stored in the data file. */
export interface GivenNameClass {
  readonly id: string;
  readonly sex: 'm' | 'f';
  readonly forms: Readonly<Partial<Record<GivenNameLanguage, readonly string[]>>>;
  readonly diminutives?: readonly string[];
}

const CLASSES = data.classes as readonly GivenNameClass[];
const BY_ID = new Map<string, GivenNameClass>(CLASSES.map((c) => [c.id, c]));

/** key → class id. Earlier tiers win when two classes share a key (see buildIndex). */
const INDEX = buildIndex();

/**
 * Native Cyrillic forms first, then their romanisations, then the Western forms, then diminutives:
 * a key claimed by a Ukrainian or Russian form is never taken by a Polish cognate (Ян over Jan).
 */
function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (form: string, id: string): void => {
    const k = givenNameKey(form);
    if (k !== '' && !index.has(k)) index.set(k, id);
  };
  const addCyrillic = (form: string, id: string, lang: 'uk' | 'ru' | 'be' | undefined): void => {
    add(form, id);
    for (const c of CONVENTIONS) add(transliterate(form, c, lang), id);
  };
  const native = ['uk', 'ru', 'be'] as const;
  for (const c of CLASSES) for (const lang of native) for (const f of c.forms[lang] ?? []) add(f, c.id);
  for (const c of CLASSES) {
    for (const lang of native) for (const f of c.forms[lang] ?? []) addCyrillic(f, c.id, lang);
  }
  for (const c of CLASSES) {
    for (const lang of ['latin', 'en', 'de', 'fr', 'pl'] as const)
      for (const f of c.forms[lang] ?? []) add(f, c.id);
  }
  for (const c of CLASSES) for (const f of c.diminutives ?? []) addCyrillic(f, c.id, undefined);
  return index;
}

/**
 * The id of the equivalence class of a given name in any language, script or romanisation, or
 * null when the token is not a known given name.
 * @example givenNameClass('Wladimir') === givenNameClass('Володимир') // 'volodymyr'
 */
export function givenNameClass(token: string): string | null {
  return INDEX.get(givenNameKey(token)) ?? null;
}

/** The sex recorded for a given name's class ('m', 'f'), or null when it is not a known given name. */
export function givenNameSex(token: string): 'm' | 'f' | null {
  const id = givenNameClass(token);
  return id === null ? null : (BY_ID.get(id)?.sex ?? null);
}

/**
 * The forms of a class in one language, native script first (e.g. the Russian forms of the class
 * of Андрій are ['Андрей']); empty for an unknown class or a language without a form.
 */
export function givenNameForms(classId: string, lang: GivenNameLanguage): readonly string[] {
  return BY_ID.get(classId)?.forms[lang] ?? [];
}

// Keys of the forms as listed (not of every romanisation): what an unknown spelling is compared with.
const KEYS_BY_CLASS = new Map<string, string[]>();
for (const c of CLASSES) {
  const keys = new Set<string>();
  for (const forms of Object.values(c.forms)) for (const f of forms) keys.add(givenNameKey(f));
  KEYS_BY_CLASS.set(
    c.id,
    [...keys].filter((k) => INDEX.get(k) === c.id),
  );
}
const INITIALS_BY_CLASS = new Map<string, Set<string>>();
for (const [k, id] of INDEX) {
  const initials = INITIALS_BY_CLASS.get(id) ?? new Set<string>();
  initials.add(k.slice(0, 1));
  initials.add(k.slice(0, 2));
  INITIALS_BY_CLASS.set(id, initials);
}

/** The given-name keys (see `givenNameKey`) of the forms listed for a class. */
export function givenNameKeys(classId: string): readonly string[] {
  return KEYS_BY_CLASS.get(classId) ?? [];
}

/**
 * The one- and two-letter beginnings (in given-name-key space) of every form of a class, so that
 * initials can be checked against it: О. and А. agree with Oleksandr/Aleksandr, Я. and Ya. with
 * Yaroslav but not with Ivan.
 */
export function givenNameInitials(classId: string): ReadonlySet<string> {
  return INITIALS_BY_CLASS.get(classId) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Every class of the data file, in file order. */
export function givenNameClasses(): readonly GivenNameClass[] {
  return CLASSES;
}

// Patronymic endings in given-name-key space, longest first, with the sex they mark:
// -ович/-ovich/-owitsch/-owicz, -евич/-ievitch, -ич (Ильич); -івна/-овна/-евна, -ична, -инична.
const PATRONYMIC_ENDINGS: readonly (readonly [string, 'm' | 'f'])[] = [
  ['inišna', 'f'],
  ['išna', 'f'],
  ['ovna', 'f'],
  ['evna', 'f'],
  ['ivna', 'f'],
  ['oviš', 'm'],
  ['eviš', 'm'],
  ['iviš', 'm'],
  ['iš', 'm'],
];
// How a father's name ends once the patronymic ending is cut: Петр-ович, Микол(а)-ович,
// Никола(й)-евич, Серге(й)-евич, Іллі-ч, Кузьм(а)-ич, Андрі(й)-ович.
const STEM_COMPLETIONS = ['', 'i', 'o', 'a', 'ia', 'ei', 'e'];

/** A patronymic's sex and the class of the father's given name (which may be unknown). */
export interface PatronymicInfo {
  readonly sex: 'm' | 'f';
  readonly fatherClass: string | null;
}

/**
 * Recognises a patronymic by its ending in any script or romanisation; null when the token does
 * not end like one. `fatherClass` is null when the stem is not a known male given name.
 */
export function patronymicInfo(token: string): PatronymicInfo | null {
  const key = givenNameKey(token);
  for (const [ending, sex] of PATRONYMIC_ENDINGS) {
    if (key.length < ending.length + 2 || !key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    return { sex, fatherClass: fatherClassOf(stem) };
  }
  return null;
}

function fatherClassOf(stem: string): string | null {
  const bases = stem.endsWith('i') ? [stem, stem.slice(0, -1)] : [stem];
  for (const base of bases) {
    for (const end of STEM_COMPLETIONS) {
      const id = INDEX.get(base + end);
      if (id !== undefined && BY_ID.get(id)?.sex === 'm') return id;
    }
  }
  return null;
}

/**
 * The class of the father's given name for a patronymic (Миколайович, Николаевич, Mykolayovych,
 * Nikolaevich → the class of Mykola), or null when the token is not a patronymic of a known name.
 */
export function patronymicClass(token: string): string | null {
  return patronymicInfo(token)?.fatherClass ?? null;
}
