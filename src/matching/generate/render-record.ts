/**
 * One person as one source writes them: names in the source's language and script, then the
 * source's habits and errors (short forms, initials, capitals, typos, exchanged names, missing
 * cells, date formats, ages instead of dates).
 */
import { ageAt, formatDate, swapDayMonth } from './dates.js';
import type { DateFormat } from './dates.js';
import {
  diminutivesOf,
  respellInRussian,
  russianGivenName,
  russianPatronymicOf,
  russifySurname,
} from './name-forms.js';
import { initial, typo } from './noise.js';
import type { Keyboard } from './noise.js';
import type { Rng } from './prng.js';
import { renderPlace, renderRank, renderServiceNumber, renderUnit } from './render-fields.js';
import { romanise } from './romanise.js';
import type { NoiseSettings, SourceStyle } from './styles.js';
import type { FieldType, Person } from './types.js';

interface Names {
  family: string;
  given: string;
  patronymic: string;
}

/** Names in the source's language and script, before any error. `russian` picks the Russian forms. */
function baseNames(person: Person, style: SourceStyle, rng: Rng, russian: boolean): Names {
  const { noise } = style;
  const lang = russian ? 'ru' : 'uk';
  let given = russian ? russianGivenName(person.givenName) : person.givenName;
  if (rng.chance(noise.diminutive)) {
    const short = diminutivesOf(person.givenName, lang);
    if (short.length > 0) given = rng.pick(short);
  }
  let family = person.familyName;
  let patronymic = russian ? russianPatronymicOf(person.patronymic) : person.patronymic;
  if (russian)
    family = rng.chance(noise.russifiedSurname) ? russifySurname(family, rng.chance(0.25)) : family;
  if (style.language === 'ru' && !russian) {
    given = respellInRussian(given);
    patronymic = respellInRussian(patronymic);
  }
  if (style.convention !== null) {
    return {
      family: romanise(family, style.convention, lang),
      given: romanise(given, style.convention, lang),
      patronymic: '',
    };
  }
  // Russian lists mostly write ё as е.
  if (style.language === 'ru' && rng.chance(0.85)) {
    return { family: noYo(family), given: noYo(given), patronymic: noYo(patronymic) };
  }
  return { family, given, patronymic };
}

const noYo = (s: string): string => (/[ёЁ]/.test(s) ? s.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : s);

function keyboardOf(style: SourceStyle): Keyboard {
  return style.convention !== null ? 'latin' : style.language === 'ru' ? 'ru' : 'uk';
}

/** Applies the name habits and errors of the source. */
function noisyNames(person: Person, style: SourceStyle, rng: Rng, russian: boolean): Names {
  const { noise } = style;
  const names = baseNames(person, style, rng, russian);
  if (rng.chance(noise.upperCaseSurname)) names.family = names.family.toUpperCase();
  const keyboard = keyboardOf(style);
  if (rng.chance(noise.typo)) names.family = typo(names.family, rng, keyboard);
  if (rng.chance(noise.typo)) names.given = typo(names.given, rng, keyboard);
  if (names.patronymic && rng.chance(noise.typo)) names.patronymic = typo(names.patronymic, rng, keyboard);
  if (rng.chance(noise.initials)) {
    names.given = initial(names.given);
    names.patronymic = initial(names.patronymic);
  }
  return names;
}

const formatTables = new WeakMap<NoiseSettings['dateFormats'], [DateFormat[], number[], number]>();

/** A date format drawn by the source's weights (tables built once per settings object). */
function drawFormat(formats: NoiseSettings['dateFormats'], rng: Rng): DateFormat {
  let table = formatTables.get(formats);
  if (!table) {
    const entries = Object.entries(formats) as [DateFormat, number][];
    table = [entries.map((e) => e[0]), entries.map((e) => e[1]), entries.reduce((s, e) => s + e[1], 0)];
    formatTables.set(formats, table);
  }
  const [names, weights, total] = table;
  let x = rng.next() * total;
  for (let i = 0; i < names.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return names[i] as DateFormat;
  }
  return names[0] ?? 'iso';
}

/** Birth data as [date cell, age cell]: a date, a year, an age at the event, or nothing. */
function birthCells(person: Person, style: SourceStyle, rng: Rng, hasAge: boolean): [string, string] {
  const { noise } = style;
  const roll = rng.next();
  const ageShare = hasAge ? noise.ageInsteadOfDate : 0;
  if (roll < ageShare) {
    const age = String(ageAt(person.birthDate, person.eventDate));
    return ['', style.name === 'en-press' && rng.chance(0.3) ? `aged ${age}` : age];
  }
  if (roll < ageShare + (noise.missing.date_of_birth ?? 0)) return ['', ''];
  if (rng.chance(noise.yearOnly)) return [String(person.birthDate.year), ''];
  const swapped = rng.chance(noise.dayMonthSwap) ? swapDayMonth(person.birthDate) : null;
  return [formatDate(swapped ?? person.birthDate, drawFormat(noise.dateFormats, rng)), ''];
}

/** A full name in one cell, given name first unless the source turned it round. */
function fullName(names: Names, swapped: boolean, rng: Rng): string {
  if (!swapped) return `${names.given} ${names.family}`;
  return rng.chance(0.5) ? `${names.family.toUpperCase()}, ${names.given}` : `${names.family} ${names.given}`;
}

/** What a record has decided before its cells are written. */
interface Decided {
  readonly person: Person;
  readonly style: SourceStyle;
  readonly rng: Rng;
  readonly recordId: string;
  readonly russian: boolean;
  readonly names: Names;
  readonly swapped: boolean;
  readonly dob: string;
  readonly age: string;
}

/** One cell's value before the source decides whether to leave it empty. */
function cellValue(field: FieldType, d: Decided): string {
  const { person, style, rng } = d;
  switch (field) {
    case 'record_id':
      return d.recordId;
    case 'family_name':
      return d.swapped ? d.names.given : d.names.family;
    case 'given_name':
      return d.swapped ? d.names.family : d.names.given;
    case 'patronymic':
      return d.names.patronymic;
    case 'full_name':
      return fullName(d.names, d.swapped, rng);
    case 'sex':
      return style.sexLabels[person.sex === 'M' ? 0 : 1];
    case 'date_of_birth':
    case 'year_of_birth':
      return d.dob;
    case 'age':
      return d.age;
    case 'age_as_of':
    case 'event_date':
      return formatDate(person.eventDate, drawFormat(style.noise.dateFormats, rng));
    case 'place_of_birth':
      return renderPlace(person.birthPlace, style, rng, d.russian);
    case 'event_place':
      return renderPlace(person.eventPlace, style, rng, false);
    case 'rank':
      return renderRank(person.rank, style);
    case 'unit':
      return renderUnit(person.unit, style, rng);
    case 'service_number':
      return renderServiceNumber(person.serviceNumber, style, rng);
  }
}

/** Per style: whether it has an age column, and each column's chance of being left empty. */
const layouts = new WeakMap<SourceStyle, { hasAge: boolean; missing: Float64Array }>();

function layoutOf(style: SourceStyle): { hasAge: boolean; missing: Float64Array } {
  let layout = layouts.get(style);
  if (!layout) {
    const missing = Float64Array.from(style.columns, (c) =>
      c.field === 'date_of_birth' || c.field === 'age' ? 0 : (style.noise.missing[c.field] ?? 0),
    );
    layout = { hasAge: style.columns.some((c) => c.field === 'age'), missing };
    layouts.set(style, layout);
  }
  return layout;
}

/** The cells of one record, in the order of the style's columns. */
export function renderRecord(person: Person, style: SourceStyle, rng: Rng, recordId: string): string[] {
  const { noise, columns } = style;
  const layout = layoutOf(style);
  const russian = rng.chance(noise.russianForms);
  const names = noisyNames(person, style, rng, russian);
  const swapped = rng.chance(noise.swappedOrder);
  const [dob, age] = birthCells(person, style, rng, layout.hasAge);
  const decided: Decided = { person, style, rng, recordId, russian, names, swapped, dob, age };
  const out = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const field = (columns[i] as (typeof columns)[number]).field;
    const value = cellValue(field, decided);
    // An age needs the date it was given at, so that date is never dropped from such a record.
    const keep = field === 'event_date' && age !== '';
    out[i] = !keep && rng.chance(layout.missing[i] as number) ? '' : value;
  }
  return out;
}
