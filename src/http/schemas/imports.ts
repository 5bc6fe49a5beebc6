/** Route schemas of imports and exports. */
import { z } from 'zod';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { FIELD_NAMES, FORMATS } from '../../interchange/index.js';
import { EXPORT_FIELDS, EXPORT_FORMATS } from '../../app/exports/index.js';
import { isoDay } from '../../domain/index.js';
import { Id } from './common.js';

const yes = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Query of an upload: the options of an import (also accepted as the fields of a multipart form). */
export const ImportQuery = z.strictObject({
  sourceId: Id.optional(),
  source: z.string().trim().min(1).max(300).optional(),
  format: z.enum(FORMATS).optional(),
  /** FIELD=COLUMN, repeatable. */
  map: z.union([z.string(), z.array(z.string())]).optional(),
  dryRun: yes.optional(),
  sourceDate: isoDay.optional(),
  preset: z.string().trim().min(1).max(100).optional(),
  savePreset: z.string().trim().min(1).max(100).optional(),
  sheet: z.string().max(300).optional(),
  fileName: z.string().max(500).optional(),
});

const LIST_FILE = 'the list file (CSV, XLSX, HXL, PFIF 1.4 XML, JSON Lines)';

/** The uploaded file (any content type, or a multipart form; streamed to a temporary file). */
export const UploadBody = z.unknown().describe(`${LIST_FILE}: the raw request body, or a multipart form`);

type JsonObject = { properties?: Record<string, unknown>; [key: string]: unknown };

/**
 * The upload route's OpenAPI entry: the request body in its two forms, a multipart form with the
 * file and the query's options as fields, or the file itself as the raw body (any content type).
 */
export const uploadOpenApi: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const options = (out.schema as { querystring?: JsonObject }).querystring?.properties ?? {};
  const body = {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          description:
            'the first file part is the list (its file name is fileName unless given); the other ' +
            'fields are the options of the query string, which wins when both give one',
          properties: { file: { type: 'string', format: 'binary', description: LIST_FILE }, ...options },
        },
      },
      'application/octet-stream': {
        schema: {
          type: 'string',
          format: 'binary',
          description: `${LIST_FILE} as the raw request body, sent with any Content-Type`,
        },
      },
    },
  };
  return { ...out, schema: { ...out.schema, body } };
};

export const JobCreatedOut = z.object({ jobId: z.string() }).meta({ id: 'ImportJobCreated' });

const RowRejectOut = z.object({
  row: z.number(),
  column: z.union([z.string(), z.number()]).optional(),
  code: z.string().describe('stable: DATE_INVALID, VALUE_INVALID, NAME_MISSING, RAGGED_ROW, …'),
  message: z.string().describe('for developers, in English'),
  value: z.string().optional().describe('the cell at fault as written (at most 100 characters)'),
});

export const ImportReportOut = z
  .object({
    batchId: z.string(),
    sourceId: z.string(),
    fileName: z.string(),
    format: z.string(),
    encoding: z.string(),
    dryRun: z.boolean(),
    mapping: z.record(z.string(), z.string()),
    unmappedColumns: z.array(z.string()),
    dateOrder: z.string(),
    ambiguousDates: z.number(),
    rows: z.number(),
    created: z.number(),
    linked: z.number(),
    queued: z.number(),
    enquiryCandidates: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejectedCount: z.number(),
    rejected: z.array(RowRejectOut),
    warnings: z.array(RowRejectOut),
  })
  .meta({ id: 'ImportReport' });

export const ImportJobOut = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: z.object({ rows: z.number(), bytesRead: z.number(), totalBytes: z.number() }),
    report: ImportReportOut.nullable(),
    error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.unknown()) }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportJob' });

export const JobParams = z.strictObject({ jobId: Id });

/** Query of an export: format, fields (comma-separated) and the person-list filter. */
export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** Comma-separated field names. */
  fields: z
    .string()
    .max(2000)
    .regex(
      new RegExp(`^(${EXPORT_FIELDS.join('|')})(,(${EXPORT_FIELDS.join('|')}))*$`),
      'comma-separated export fields',
    )
    .optional(),
  q: z.string().trim().max(300).optional(),
  state: z.string().max(40).optional(),
  sourceId: Id.optional(),
  placeId: Id.optional(),
  updatedSince: isoDay.optional(),
});

/** Query of a list export: the format and, optionally, the registry fields after the entry's columns. */
export const ExchangeExportQuery = ExportQuery.pick({ format: true, fields: true });

export const ExportOut = z.string().describe('the file, streamed in the requested format');

/** `FIELD=COLUMN` pairs from the query as a mapping. */
export function mapFromQuery(map: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of map === undefined ? [] : Array.isArray(map) ? map : [map]) {
    const eq = spec.indexOf('=');
    const field = eq > 0 ? spec.slice(0, eq) : spec;
    out[field] = eq > 0 ? spec.slice(eq + 1) : '';
  }
  return out;
}

export { FIELD_NAMES };
