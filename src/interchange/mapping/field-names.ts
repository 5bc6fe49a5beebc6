/** The fields a list column can be mapped to (claim fields and status-event fields of the registry). */
export const FIELD_NAMES = [
  'given_name',
  'family_name',
  'patronymic',
  'full_name',
  'name_original',
  'date_of_birth',
  'year_of_birth',
  'age',
  'sex',
  'place_of_birth',
  'nationality',
  'rank',
  'unit',
  'service_number',
  'id_number',
  'father_name',
  'mother_name',
  'address',
  'phone',
  'email',
  'status',
  'status_date',
  'place',
  'notes',
  'source_record_id',
] as const;

/** A field a column can be mapped to. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** True when `s` is a FieldName. */
export function isFieldName(s: string): s is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(s);
}
