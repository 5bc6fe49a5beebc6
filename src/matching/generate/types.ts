/** The shapes the generator produces: the true population and what each source writes of it. */

/** A calendar date of the truth (always complete: sources lose precision, the truth does not). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A place in Ukraine, in its Ukrainian form; the Russian forms are looked up by the renderer. */
export interface PlaceRef {
  /** 'town' for cities and towns (м.), 'village' for villages (с.). */
  readonly kind: 'town' | 'village';
  readonly name: string;
  /** The oblast as its Ukrainian adjective ("Харківська"). */
  readonly oblast: string;
}

/** A military unit: its kind in Ukrainian ("окрема бригада морської піхоти") and its number (36). */
export interface UnitRef {
  readonly kind: string;
  readonly number: number;
}

/** How a person is related to an earlier person of the population, when the generator made them alike. */
export interface Lookalike {
  readonly personId: string;
  /** A sibling shares surname, patronymic and place of birth; a namesake shares the names only. */
  readonly relation: 'sibling' | 'namesake';
}

/** One true person of the synthetic population. Names are in Ukrainian Cyrillic. */
export interface Person {
  readonly id: string;
  readonly sex: 'M' | 'F';
  readonly givenName: string;
  readonly patronymic: string;
  /** The family name in the form for the person's sex (Вишневська for a woman). */
  readonly familyName: string;
  readonly birthDate: CivilDate;
  readonly birthPlace: PlaceRef;
  readonly category: 'military' | 'civilian';
  /** The rank in Ukrainian ("старший сержант"); empty for civilians. */
  readonly rank: string;
  readonly unit: UnitRef | null;
  /** Military personal number such as "К-483920"; empty for civilians. */
  readonly serviceNumber: string;
  /** The capture date (military) or last-seen date (civilians). */
  readonly eventDate: CivilDate;
  readonly eventPlace: PlaceRef;
  readonly lookalike: Lookalike | null;
}

/** Random access to a population, so large runs can rebuild persons instead of holding them. */
export interface PopulationLike {
  readonly size: number;
  at(index: number): Person;
}

/**
 * Field types a column can hold, as the matching commands name them (`--field TYPE=COL`), plus
 * `record_id`, `age_as_of` (the date an age refers to), `event_date` and `event_place`.
 */
export type FieldType =
  | 'record_id'
  | 'full_name'
  | 'given_name'
  | 'family_name'
  | 'patronymic'
  | 'date_of_birth'
  | 'year_of_birth'
  | 'age'
  | 'age_as_of'
  | 'sex'
  | 'place_of_birth'
  | 'rank'
  | 'unit'
  | 'service_number'
  | 'event_date'
  | 'event_place';

/** One record as a source writes it, with the person it truly describes. */
export interface SourceRecord {
  readonly recordId: string;
  readonly personId: string;
  /** Cell values in the order of the source's header. */
  readonly values: readonly string[];
}
