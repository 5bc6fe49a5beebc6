/** The field types a record may carry: exactly the list the dedupe and link commands accept. */
export const FIELD_TYPES = [
  'full_name',
  'given_name',
  'family_name',
  'patronymic',
  'date_of_birth',
  'year_of_birth',
  'age',
  'sex',
  'place_of_birth',
  'address',
  'street_number',
  'city',
  'region',
  'postcode',
  'country',
  'id_number',
  'service_number',
  'rank',
  'unit',
  'phone',
  'email',
  'other',
] as const;

/** One of FIELD_TYPES. */
export type FieldType = (typeof FIELD_TYPES)[number];

const FIELD_SET: ReadonlySet<string> = new Set(FIELD_TYPES);

/** True when `s` names a field type. */
export function isFieldType(s: string): s is FieldType {
  return FIELD_SET.has(s);
}

/**
 * A record to match: an id and raw field values as a source wrote them. `age_as_of` (YYYY-MM-DD or
 * YYYY) is the date at which `age` was stated; without it an age cannot be turned into a birth year.
 */
export interface MatchRecord {
  readonly id: string;
  readonly fields: Partial<Record<FieldType, string>>;
  readonly age_as_of?: string;
}
