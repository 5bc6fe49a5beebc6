/**
 * PFIF field lists (http://zesty.ca/pfif/1.4): the 1.4 element order, the mandatory fields, and the
 * names earlier versions used for the same fields, so 1.1–1.3 documents read into 1.4 records.
 */

/** The PFIF 1.4 namespace; the writer emits only this one. */
export const PFIF_NS = 'http://zesty.ca/pfif/1.4';

/** Namespaces read: 1.1 to 1.4. */
export const PFIF_NAMESPACES: ReadonlySet<string> = new Set(
  ['1.1', '1.2', '1.3', '1.4'].map((v) => `http://zesty.ca/pfif/${v}`),
);

/** Fields of a person record, in PFIF 1.4 order. */
export const PERSON_FIELDS = [
  'person_record_id',
  'entry_date',
  'expiry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_name',
  'source_date',
  'source_url',
  'full_name',
  'given_name',
  'family_name',
  'alternate_names',
  'description',
  'sex',
  'date_of_birth',
  'age',
  'home_street',
  'home_neighborhood',
  'home_city',
  'home_state',
  'home_postal_code',
  'home_country',
  'photo_url',
  'profile_urls',
] as const;

/** Fields of a note record, in PFIF 1.4 order. */
export const NOTE_FIELDS = [
  'note_record_id',
  'person_record_id',
  'linked_person_record_id',
  'entry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_date',
  'author_made_contact',
  'status',
  'email_of_found_person',
  'phone_of_found_person',
  'last_known_location',
  'text',
  'photo_url',
] as const;

/** A PFIF 1.4 person field name. */
export type PfifPersonField = (typeof PERSON_FIELDS)[number];
/** A PFIF 1.4 note field name. */
export type PfifNoteField = (typeof NOTE_FIELDS)[number];

/** Fields that must be present in 1.4 (written empty when a record lacks them, as Person Finder does). */
export const MANDATORY = {
  person: ['person_record_id', 'source_date', 'full_name'],
  note: ['note_record_id', 'author_name', 'source_date'],
} as const;

/** Names of PFIF 1.1–1.3 fields and their 1.4 successors. */
export const RENAMED_FIELDS: Readonly<Record<string, string>> = {
  home_zip: 'home_postal_code',
  first_name: 'given_name',
  last_name: 'family_name',
  found: 'author_made_contact',
  other: 'description',
};

/** Values of a note's status field. */
export const NOTE_STATUSES = [
  'information_sought',
  'is_note_author',
  'believed_alive',
  'believed_missing',
  'believed_dead',
] as const;
