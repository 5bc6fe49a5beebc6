/**
 * The feature columns a prepared set holds. Comparisons and blocking rules name features, never raw
 * fields, so that work done once per record (parsing, romanising, keys) is never repeated per pair.
 */

/** Single-valued text features, stored as ids into the set's string table (-1 when missing). */
export const STRING_FEATURES = [
  'given',
  'givenLatin',
  'given2',
  'givenClass',
  'family',
  'familyLatin',
  'nameSet',
  'patronymic',
  'patronymicClass',
  'dob',
  'sex',
  'place',
  'address',
  'streetNumber',
  'city',
  'region',
  'postcode',
  'country',
  'idNumber',
  'serviceNumber',
  'rank',
  'unit',
  'phone',
  'email',
  'emailUser',
  'other',
] as const;

/** Multi-valued text features, stored as offsets into one id array. */
export const LIST_FEATURES = ['nameTokens', 'familyCodes', 'addressTokens'] as const;

/** Integer features (0 when unknown): birth date parts, the ambiguous reading, the birth-year range. */
export const NUMBER_FEATURES = ['dobY', 'dobM', 'dobD', 'dobAltM', 'dobAltD', 'yearLo', 'yearHi'] as const;

/** A single-valued text feature. */
export type StringFeature = (typeof STRING_FEATURES)[number];
/** A multi-valued text feature. */
export type ListFeature = (typeof LIST_FEATURES)[number];
/** An integer feature. */
export type NumberFeature = (typeof NUMBER_FEATURES)[number];

/** Ids of a list feature for every record: record i owns values[offsets[i] .. offsets[i+1]). */
export interface ListColumn {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/**
 * Records prepared for matching, column by column. Typed arrays live on SharedArrayBuffers so that
 * worker threads read them without copying; `strings` is the set's interned string table.
 */
export interface PreparedSet {
  readonly n: number;
  readonly ids: readonly string[];
  readonly strings: readonly string[];
  readonly str: Readonly<Record<StringFeature, Int32Array>>;
  readonly list: Readonly<Record<ListFeature, ListColumn>>;
  readonly num: Readonly<Record<NumberFeature, Int32Array>>;
  /** Share of records holding each string id, for the features that get term-frequency adjustment. */
  readonly tf: Readonly<Partial<Record<StringFeature, Float64Array>>>;
  /** How many records hold each TF feature: small sets say little about how common a value is. */
  readonly tfTotal: Readonly<Partial<Record<StringFeature, number>>>;
}

/** One record of a prepared set: what ranked search takes as candidates. */
export interface PreparedRecord {
  readonly set: PreparedSet;
  readonly index: number;
}

/** Features whose exact agreement is weighed by how common the value is. */
export const TF_FEATURES: readonly StringFeature[] = ['given', 'family', 'patronymic', 'city', 'place'];
