/** What an export takes: format, fields and the same filter as the person list. */
import { z } from 'zod';
import { CLAIM_FIELD_NAMES, PersonFilter } from '../../domain/index.js';

/** Formats persons can be exported to. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pfif', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Columns of a tabular export: the record id, claim fields, and the current status. */
export const EXPORT_FIELDS = [
  'source_record_id',
  ...CLAIM_FIELD_NAMES,
  'state',
  'status',
  'status_date',
  'place',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

/** The fields written when the caller names none (those a list import reads back). */
export const DEFAULT_EXPORT_FIELDS: readonly ExportField[] = [
  'source_record_id',
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'sex',
  'date_of_birth',
  'age',
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
  'notes',
  'status',
  'status_date',
  'place',
];

export const ExportOptions = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  fields: z.array(z.enum(EXPORT_FIELDS)).min(1).max(EXPORT_FIELDS.length).optional(),
  filter: PersonFilter.omit({ limit: true, cursor: true }).default({}),
  /** Domain of PFIF record ids for persons that did not come from PFIF. */
  pfifDomain: z
    .string()
    .regex(/^[a-z0-9.-]{1,100}$/i)
    .default('whereabouts.local'),
});
export type ExportOptions = z.input<typeof ExportOptions>;
export type ParsedExportOptions = z.output<typeof ExportOptions>;
