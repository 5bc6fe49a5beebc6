/**
 * The kinds of source the generator imitates: who writes the list, in which script and language,
 * under which headers, and how carelessly. The rates are settings, and tests hold the output to them.
 */
import type { DateFormat } from './dates.js';
import { STYLES } from './style-catalogue.js';
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

export { STYLES };
