/**
 * The kinds of source the generator imitates: who writes the list, in which script and language,
 * under which headers, and how carelessly. The rates are settings, and tests hold the output to them.
 */
import type { DateFormat } from './dates.js';
import type { Convention } from './romanise.js';
import type { FieldType } from './types.js';

/** The source styles, in the order sources take them (source k uses STYLE_ORDER[k mod 7]). */
export const STYLE_ORDER = [
  'ua-official',
  'ru-official',
  'icrc',
  'de-press',
  'fr-press',
  'pl-press',
  'en-press',
] as const;

/** One of the source styles. */
export type StyleName = (typeof STYLE_ORDER)[number];

/** Error rates and habits of one source. Every rate is a probability per record (or per cell). */
export interface NoiseSettings {
  /** Share of the population the source lists at all. */
  readonly coverage: number;
  /** Share of listed persons the source lists a second time (each copy with its own errors). */
  readonly duplicate: number;
  /** Per name cell: one typing error. */
  readonly typo: number;
  /** Per field: the cell is left empty. For date_of_birth, the share of records with no birth data. */
  readonly missing: Readonly<Partial<Record<FieldType, number>>>;
  /** Weights of the date formats the source uses for full dates. */
  readonly dateFormats: Readonly<Partial<Record<DateFormat, number>>>;
  /** Full birth dates written with day and month exchanged (only where that is still a date). */
  readonly dayMonthSwap: number;
  /** Birth dates written as the year alone. */
  readonly yearOnly: number;
  /** Age at the event date instead of the birth date (sources with an age column only). */
  readonly ageInsteadOfDate: number;
  /** A short form of the given name (Сашко, Sasha). */
  readonly diminutive: number;
  /** Given and family name exchanged (in their cells, or in the order of a full name). */
  readonly swappedOrder: number;
  /** Given name (and patronymic) reduced to initials. */
  readonly initials: number;
  /** Russian forms of given name and patronymic (Russian lists), or romanised from them (Latin). */
  readonly russianForms: number;
  /** Surname respelt the Russian way when Russian forms are used. */
  readonly russifiedSurname: number;
  /** Surname written in capitals. */
  readonly upperCaseSurname: number;
}

/** One column of a source: its header, what it holds, and a line for the README. */
export interface ColumnSpec {
  readonly header: string;
  readonly field: FieldType;
  readonly note: string;
}

/** Everything that makes one kind of source look like itself. */
export interface SourceStyle {
  readonly name: StyleName;
  readonly description: string;
  /** Language of names, places, ranks and units. */
  readonly language: 'uk' | 'ru' | 'en' | 'de' | 'fr' | 'pl';
  /** Romanisation convention of a Latin-script source; null for a Cyrillic one. */
  readonly convention: Convention | null;
  readonly columns: readonly ColumnSpec[];
  /** How the source writes male and female. */
  readonly sexLabels: readonly [string, string];
  readonly noise: NoiseSettings;
}

const ID: ColumnSpec = {
  header: 'record_id',
  field: 'record_id',
  note: 'record id, unique across all sources',
};

const CYRILLIC_NOISE = {
  ageInsteadOfDate: 0,
  dayMonthSwap: 0.01,
  swappedOrder: 0.01,
  initials: 0.01,
  russianForms: 0,
  russifiedSurname: 0,
  upperCaseSurname: 1,
} as const;

const PRESS_NOISE = {
  coverage: 0.62,
  duplicate: 0.02,
  typo: 0.03,
  dayMonthSwap: 0.01,
  yearOnly: 0.05,
  ageInsteadOfDate: 0.4,
  diminutive: 0.04,
  swappedOrder: 0.02,
  initials: 0.03,
  russianForms: 0.1,
  russifiedSurname: 0.5,
  upperCaseSurname: 0,
} as const;

const PRESS_MISSING = {
  date_of_birth: 0.2,
  sex: 0.3,
  place_of_birth: 0.5,
  rank: 0.3,
  unit: 0.35,
  service_number: 0.95,
  event_place: 0.2,
} as const;

/** A Latin-script press source: header words by field, in its own language. */
function pressStyle(
  name: 'de-press' | 'fr-press' | 'pl-press',
  language: 'de' | 'fr' | 'pl',
  convention: Convention,
  headers: readonly [string, string, string, string, string, string, string, string, string, string, string],
  extra: Pick<SourceStyle, 'description' | 'sexLabels'> & { dateFormats: NoiseSettings['dateFormats'] },
): SourceStyle {
  const [family, given, sex, dob, age, pob, rank, unit, sn, date, place] = headers;
  return {
    name,
    language,
    convention,
    description: extra.description,
    sexLabels: extra.sexLabels,
    columns: [
      ID,
      { header: family, field: 'family_name', note: `family name, ${convention} romanisation` },
      { header: given, field: 'given_name', note: 'given name, sometimes a short form or an initial' },
      { header: sex, field: 'sex', note: `sex (${extra.sexLabels.join('/')})` },
      { header: dob, field: 'date_of_birth', note: 'date of birth, or the year alone' },
      { header: age, field: 'age', note: `age in years at the date in "${date}"` },
      { header: pob, field: 'place_of_birth', note: 'place of birth (romanised)' },
      { header: rank, field: 'rank', note: `rank (${language})` },
      { header: unit, field: 'unit', note: `unit (${language})` },
      { header: sn, field: 'service_number', note: 'military personal number' },
      { header: date, field: 'event_date', note: 'date of capture or of last sighting' },
      { header: place, field: 'event_place', note: 'place of capture or of last sighting' },
    ],
    noise: { ...PRESS_NOISE, missing: PRESS_MISSING, dateFormats: extra.dateFormats },
  };
}

/** The built-in styles by name. */
export const STYLES: Readonly<Record<StyleName, SourceStyle>> = {
  'ua-official': {
    name: 'ua-official',
    description: 'List of one party (Ukrainian), in Ukrainian Cyrillic, surname first in capitals',
    language: 'uk',
    convention: null,
    sexLabels: ['чол.', 'жін.'],
    columns: [
      ID,
      { header: 'Прізвище', field: 'family_name', note: 'family name in capitals' },
      { header: "Ім'я", field: 'given_name', note: 'given name' },
      { header: 'По батькові', field: 'patronymic', note: 'patronymic' },
      { header: 'Стать', field: 'sex', note: 'sex (чол./жін.)' },
      { header: 'Дата народження', field: 'date_of_birth', note: 'date of birth, DD.MM.YYYY, or the year' },
      { header: 'Місце народження', field: 'place_of_birth', note: 'place of birth (м. town, с. village)' },
      { header: 'Військове звання', field: 'rank', note: 'rank' },
      { header: 'Військова частина', field: 'unit', note: 'unit, in words, abbreviated, or as в/ч number' },
      { header: 'Особистий номер', field: 'service_number', note: 'military personal number' },
      { header: 'Дата полонення', field: 'event_date', note: 'date of capture or of last sighting' },
      { header: 'Місце полонення', field: 'event_place', note: 'place of capture or of last sighting' },
    ],
    noise: {
      ...CYRILLIC_NOISE,
      coverage: 0.88,
      duplicate: 0.02,
      typo: 0.01,
      missing: {
        patronymic: 0.02,
        sex: 0.02,
        date_of_birth: 0.03,
        place_of_birth: 0.15,
        rank: 0.05,
        unit: 0.08,
        service_number: 0.25,
        event_date: 0.05,
        event_place: 0.1,
      },
      dateFormats: { 'dmy-dot': 0.95, iso: 0.05 },
      yearOnly: 0.02,
      diminutive: 0.003,
      swappedOrder: 0.005,
    },
  },
  'ru-official': {
    name: 'ru-official',
    description: 'List of the other party (Russian), in Russian Cyrillic with Russian forms of names',
    language: 'ru',
    convention: null,
    sexLabels: ['М', 'Ж'],
    columns: [
      ID,
      { header: 'Фамилия', field: 'family_name', note: 'family name, often in Russian spelling' },
      { header: 'Имя', field: 'given_name', note: 'given name, usually its Russian form' },
      { header: 'Отчество', field: 'patronymic', note: 'patronymic, usually its Russian form' },
      { header: 'Пол', field: 'sex', note: 'sex (М/Ж)' },
      {
        header: 'Дата рождения',
        field: 'date_of_birth',
        note: 'date of birth, DD.MM.YYYY or ISO, or the year',
      },
      { header: 'Место рождения', field: 'place_of_birth', note: 'place of birth, Russian form (г. town)' },
      { header: 'Звание', field: 'rank', note: 'rank (Russian)' },
      { header: 'Воинская часть', field: 'unit', note: 'unit (Russian)' },
      { header: 'Личный номер', field: 'service_number', note: 'military personal number' },
      { header: 'Дата пленения', field: 'event_date', note: 'date of capture or of last sighting' },
      { header: 'Место пленения', field: 'event_place', note: 'place of capture, Russian form' },
    ],
    noise: {
      ...CYRILLIC_NOISE,
      coverage: 0.7,
      duplicate: 0.04,
      typo: 0.03,
      missing: {
        patronymic: 0.06,
        sex: 0.1,
        date_of_birth: 0.1,
        place_of_birth: 0.35,
        rank: 0.3,
        unit: 0.25,
        service_number: 0.7,
        event_date: 0.15,
        event_place: 0.2,
      },
      dateFormats: { 'dmy-dot': 0.85, iso: 0.15 },
      dayMonthSwap: 0.02,
      yearOnly: 0.06,
      diminutive: 0.01,
      swappedOrder: 0.02,
      initials: 0.03,
      russianForms: 0.92,
      russifiedSurname: 0.7,
      upperCaseSurname: 0.4,
    },
  },
  icrc: {
    name: 'icrc',
    description: 'Capture cards in Latin script, Ukrainian national 2010 romanisation, no patronymic',
    language: 'en',
    convention: 'ua-national-2010',
    sexLabels: ['M', 'F'],
    columns: [
      ID,
      { header: 'FAMILY NAME', field: 'family_name', note: 'family name in capitals, ua-national-2010' },
      { header: 'First name', field: 'given_name', note: 'given name, ua-national-2010' },
      { header: 'Sex', field: 'sex', note: 'sex (M/F)' },
      {
        header: 'Date of birth',
        field: 'date_of_birth',
        note: 'date of birth, ISO or DD.MM.YYYY, or the year',
      },
      {
        header: 'Age',
        field: 'age',
        note: 'age in years at "Date of capture", when the birth date is unknown',
      },
      { header: 'Place of birth', field: 'place_of_birth', note: 'place of birth (romanised)' },
      { header: 'Rank', field: 'rank', note: 'rank (English)' },
      { header: 'Unit', field: 'unit', note: 'unit (English)' },
      { header: 'Service number', field: 'service_number', note: 'military personal number' },
      { header: 'Date of capture', field: 'event_date', note: 'date of capture or of last sighting, ISO' },
      { header: 'Place of capture', field: 'event_place', note: 'place of capture (romanised)' },
    ],
    noise: {
      coverage: 0.78,
      duplicate: 0.03,
      typo: 0.02,
      missing: {
        sex: 0.01,
        date_of_birth: 0.05,
        place_of_birth: 0.3,
        rank: 0.15,
        unit: 0.2,
        service_number: 0.5,
        event_place: 0.05,
      },
      dateFormats: { iso: 0.6, 'dmy-dot': 0.4 },
      dayMonthSwap: 0.015,
      yearOnly: 0.05,
      ageInsteadOfDate: 0.2,
      diminutive: 0.005,
      swappedOrder: 0.01,
      initials: 0.01,
      russianForms: 0.05,
      russifiedSurname: 0.5,
      upperCaseSurname: 1,
    },
  },
  'de-press': pressStyle(
    'de-press',
    'de',
    'german',
    [
      'Nachname',
      'Vorname',
      'Geschlecht',
      'Geburtsdatum',
      'Alter',
      'Geburtsort',
      'Dienstgrad',
      'Einheit',
      'Dienstnummer',
      'Datum der Gefangennahme',
      'Ort der Gefangennahme',
    ],
    {
      description: 'German press, German transliteration, ages more often than birth dates',
      sexLabels: ['m', 'w'],
      dateFormats: { 'dmy-dot': 1 },
    },
  ),
  'fr-press': pressStyle(
    'fr-press',
    'fr',
    'french',
    [
      'Nom',
      'Prénom',
      'Sexe',
      'Date de naissance',
      'Âge',
      'Lieu de naissance',
      'Grade',
      'Unité',
      'Matricule',
      'Date de capture',
      'Lieu de capture',
    ],
    {
      description: 'French press, French transliteration, DD/MM/YYYY',
      sexLabels: ['M', 'F'],
      dateFormats: { 'dmy-slash': 0.9, iso: 0.1 },
    },
  ),
  'pl-press': pressStyle(
    'pl-press',
    'pl',
    'polish',
    [
      'Nazwisko',
      'Imię',
      'Płeć',
      'Data urodzenia',
      'Wiek',
      'Miejsce urodzenia',
      'Stopień',
      'Jednostka',
      'Numer służbowy',
      'Data pojmania',
      'Miejsce pojmania',
    ],
    {
      description: 'Polish press, Polish transliteration, DD.MM.YYYY',
      sexLabels: ['M', 'K'],
      dateFormats: { 'dmy-dot': 0.9, iso: 0.1 },
    },
  ),
  'en-press': {
    name: 'en-press',
    description: 'English press, one name column (given name first), popular spellings, MM/DD/YYYY',
    language: 'en',
    convention: 'english-popular',
    sexLabels: ['male', 'female'],
    columns: [
      ID,
      {
        header: 'Name',
        field: 'full_name',
        note: 'full name, usually "Given Family", sometimes "FAMILY, Given"',
      },
      { header: 'Gender', field: 'sex', note: 'sex (male/female)' },
      { header: 'DOB', field: 'date_of_birth', note: 'date of birth, MM/DD/YYYY or ISO, or the year' },
      { header: 'Age', field: 'age', note: 'age at "Date captured" ("28" or "aged 28")' },
      { header: 'Hometown', field: 'place_of_birth', note: 'place of birth (popular spelling)' },
      { header: 'Rank', field: 'rank', note: 'rank (English)' },
      { header: 'Unit', field: 'unit', note: 'unit (English)' },
      { header: 'Date captured', field: 'event_date', note: 'date of capture or of last sighting' },
      { header: 'Location', field: 'event_place', note: 'place of capture or of last sighting' },
    ],
    noise: {
      ...PRESS_NOISE,
      coverage: 0.65,
      missing: { ...PRESS_MISSING, sex: 0.5 },
      dateFormats: { 'mdy-slash': 0.7, iso: 0.3 },
      ageInsteadOfDate: 0.45,
      russianForms: 0.12,
    },
  },
};

/** The style of source k (0-based): the styles in order, cycling. */
export function styleForSource(k: number): SourceStyle {
  return STYLES[STYLE_ORDER[k % STYLE_ORDER.length] as StyleName];
}

/** The style's columns by field type, as the matching commands take them (`--field TYPE=COL`). */
export function fieldMapping(style: SourceStyle): Partial<Record<FieldType, string>> {
  const out: Partial<Record<FieldType, string>> = {};
  for (const c of style.columns) out[c.field] = c.header;
  if (out.age !== undefined && out.event_date !== undefined) out.age_as_of = out.event_date;
  return out;
}
