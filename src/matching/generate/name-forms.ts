/**
 * Ukrainian and Russian forms of the same names: patronymic formation in both languages, feminine
 * surnames, and the way Russian-language lists respell Ukrainian surnames (Вишневський → Вишневский,
 * Гордієнко → Гордиенко, Лук'яненко → Лукьяненко).
 */
import { MALE_NAMES, givenNameByUk } from './data.js';
import type { GivenName } from './data.js';

/**
 * Remembers a pure function of one name: a million records repeat a few thousand names, and
 * these respellings run on every record of a Russian-language source.
 */
function memo(fn: (name: string) => string): (name: string) => string {
  const seen = new Map<string, string>();
  return (name) => {
    let out = seen.get(name);
    if (out === undefined) seen.set(name, (out = fn(name)));
    return out;
  };
}

const patronymics = new WeakMap<GivenName, readonly [string, string]>();

/** The Ukrainian patronymic from a father's name: Андрій → Андрійович / Андріївна. */
export function ukrainianPatronymic(father: GivenName, sex: 'M' | 'F'): string {
  let pair = patronymics.get(father);
  if (!pair) patronymics.set(father, (pair = [formPatronymic(father, 'M'), formPatronymic(father, 'F')]));
  return pair[sex === 'M' ? 0 : 1];
}

function formPatronymic(father: GivenName, sex: 'M' | 'F'): string {
  const irregular = father.patrUk?.[sex === 'M' ? 0 : 1];
  if (irregular) return irregular;
  const name = father.uk;
  const stem = name.slice(0, -1);
  if (name.endsWith('ій')) return sex === 'M' ? `${name}ович` : `${stem}ївна`;
  if (/[оа]$/.test(name)) return sex === 'M' ? `${stem}ович` : `${stem}івна`;
  if (name.endsWith('ь')) return sex === 'M' ? `${name}ович` : `${stem}івна`;
  return sex === 'M' ? `${name}ович` : `${name}івна`;
}

/** The Russian patronymic from a father's name: Андрей → Андреевич / Андреевна. */
export function russianPatronymic(father: GivenName, sex: 'M' | 'F'): string {
  const irregular = father.patrRu?.[sex === 'M' ? 0 : 1];
  if (irregular) return irregular;
  const name = father.ru;
  const end = sex === 'M' ? 'вич' : 'вна';
  if (/[еа]й$/.test(name)) return `${name.slice(0, -1)}е${end}`;
  if (name.endsWith('ий')) return `${name.slice(0, -2)}ье${end}`;
  if (name.endsWith('ь')) return `${name.slice(0, -1)}е${end}`;
  return `${name}о${end}`;
}

interface PatronymicOrigin {
  readonly father: GivenName;
  readonly sex: 'M' | 'F';
}

/** Ukrainian patronymic → the father's name and the bearer's sex, to render the Russian form. */
const patronymicOrigins: ReadonlyMap<string, PatronymicOrigin> = new Map(
  MALE_NAMES.flatMap((father) =>
    (['M', 'F'] as const).map((sex) => [ukrainianPatronymic(father, sex), { father, sex }] as const),
  ),
);

/** The Russian form of a Ukrainian patronymic (Миколайович → Николаевич); respelt when unknown. */
export const russianPatronymicOf = memo((ukPatronymic: string): string => {
  const origin = patronymicOrigins.get(ukPatronymic);
  return origin ? russianPatronymic(origin.father, origin.sex) : respellInRussian(ukPatronymic);
});

/** The Russian form of a Ukrainian given name (Олександр → Александр); respelt when unknown. */
export function russianGivenName(ukGiven: string): string {
  return givenNameByUk.get(ukGiven)?.ru || respellInRussian(ukGiven);
}

/** Short forms of a given name in one language; empty when none are known. */
export function diminutivesOf(ukGiven: string, lang: 'uk' | 'ru'): readonly string[] {
  const entry = givenNameByUk.get(ukGiven);
  if (!entry) return [];
  return lang === 'uk' ? entry.dimUk : entry.dimRu;
}

/** The feminine form of a surname: adjectival and -ов/-ев forms change, the others do not. */
export const feminineSurname = memo((masculine: string): string => {
  if (/(ськ|цьк|зьк|ч|н)ий$/.test(masculine)) return `${masculine.slice(0, -2)}а`;
  if (/[оеє]в$/.test(masculine)) return `${masculine}а`;
  return masculine;
});

const LETTERS: Readonly<Record<string, string>> = {
  і: 'и',
  І: 'И',
  є: 'е',
  Є: 'Е',
  ґ: 'г',
  Ґ: 'Г',
  "'": 'ь',
  '’': 'ь',
};
const VOWELS = new Set('аеєиіїоуюяАЕЄИІЇОУЮЯ');

/**
 * Ukrainian spelling in Russian letters, as a Russian-language list writes a name it does not
 * translate: і → и, є → е, ґ → г, apostrophe → ь, ї → и after a vowel (Заїка → Заика) and йи
 * elsewhere (Їжак → Йижак); г stays г.
 */
export const respellInRussian = memo((uk: string): string => {
  let out = '';
  let prev = '';
  for (const ch of uk) {
    if (ch === 'ї' || ch === 'Ї') out += VOWELS.has(prev) ? 'и' : ch === 'ї' ? 'йи' : 'Йи';
    else out += LETTERS[ch] ?? ch;
    prev = ch;
  }
  return out;
});

const RU_HARD_BEFORE_Y = /^([^аеиоуяюыэ]*[лрнтдсзбпмвф])и/i;

/**
 * A Ukrainian surname as a Russian-language list writes it. Adjectival endings take their Russian
 * form (-ський → -ский, -ська → -ская), letters are respelt, -йо- becomes -ьё- (Соловйов →
 * Соловьёв), final -ць loses its soft sign (Швець → Швец). With `hardY` the first и after a hard consonant becomes ы (Лисенко → Лысенко), as
 * Russian writes the Ukrainian sound.
 */
export function russifySurname(uk: string, hardY = false): string {
  return (hardY ? russifyHardY : russifyPlain)(uk);
}

const russifyPlain = memo((uk: string) => russify(uk, false));
const russifyHardY = memo((uk: string) => russify(uk, true));

function russify(uk: string, hardY: boolean): string {
  let s = uk
    .replace(/([сцз])ький$/, '$1кий')
    .replace(/([сцз])ька$/, '$1кая')
    .replace(/ий$/, 'ый')
    .replace(/ць$/, 'ц')
    .replace(/([бвгджзклмнпрстфхцчшщ])йо/g, '$1ьё')
    .replace(/ьо/g, 'ё');
  s = respellInRussian(s);
  if (hardY) s = s.replace(RU_HARD_BEFORE_Y, (_m, head: string) => `${head}ы`);
  return s.replace(/([сцз]к)ый$/, '$1ий');
}
