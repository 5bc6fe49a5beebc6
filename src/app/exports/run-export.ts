/**
 * Use case: export persons as CSV, XLSX, PFIF 1.4 or JSON Lines, with the caller's choice of fields
 * and the person-list filter. Only claims of the sensitivities the caller may read are written;
 * the export is audited before the first byte; the writers neutralise spreadsheet formulas.
 */
import type { Readable } from 'node:stream';
import { parseInput, type Actor } from '../../domain/index.js';
import {
  writeCsv,
  writeJsonl,
  writePfif,
  writeXlsx,
  type OutRow,
  type PfifOutRecord,
} from '../../interchange/index.js';
import { authorize, readableSensitivities } from '../authz.js';
import { inUnit, type AppContext } from '../context.js';
import { flatRow, pfifRecords } from './export-rows.js';
import { personPages, type ExportedPerson } from './person-pages.js';
import {
  DEFAULT_EXPORT_FIELDS,
  ExportOptions,
  type ExportFormat,
  type ParsedExportOptions,
} from './types.js';

/** An export ready to be piped: the bytes and how to label them. */
export interface ExportStream {
  readonly stream: Readable;
  readonly format: ExportFormat;
  readonly contentType: string;
  readonly fileName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pfif: 'application/xml; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};
export const EXTENSIONS: Record<ExportFormat, string> = {
  csv: 'csv',
  xlsx: 'xlsx',
  pfif: 'pfif.xml',
  jsonl: 'jsonl',
};

/** Starts an export. The audit entry is committed before the stream is returned. */
export async function exportPersons(
  ctx: AppContext,
  actor: Actor,
  raw: ExportOptions,
): Promise<ExportStream> {
  authorize(actor, 'export.run');
  authorize(actor, 'person.read');
  const opts = parseInput(ExportOptions, raw, 'export');
  const readable = readableSensitivities(actor);
  const fields = opts.fields ?? DEFAULT_EXPORT_FIELDS;
  await inUnit(ctx, async (u) =>
    u.audit(actor, 'export.run', 'person', null, {
      format: opts.format,
      fields: opts.format === 'pfif' ? 'pfif' : fields.join(','),
      filter: Object.keys(opts.filter).sort().join(','),
      sensitivities: [...readable].sort().join(','),
    }),
  );
  const placeNames = await loadPlaceNames(ctx);
  const pages = personPages(ctx, opts.filter, readable);
  const stream = write(opts, fields, pages, placeNames);
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return {
    stream,
    format: opts.format,
    contentType: CONTENT_TYPES[opts.format],
    fileName: `persons-${stamp}.${EXTENSIONS[opts.format]}`,
  };
}

function write(
  opts: ParsedExportOptions,
  fields: readonly string[],
  pages: AsyncIterable<ExportedPerson[]>,
  placeNames: ReadonlyMap<string, string>,
): Readable {
  async function* rows(): AsyncGenerator<OutRow> {
    for await (const page of pages) for (const p of page) yield flatRow(p, fields as never, placeNames);
  }
  async function* records(): AsyncGenerator<PfifOutRecord> {
    for await (const page of pages) for (const p of page) yield* pfifRecords(p, opts.pfifDomain);
  }
  switch (opts.format) {
    case 'csv':
      return writeCsv(rows(), { header: fields, bom: true });
    case 'xlsx':
      return writeXlsx(rows(), { header: fields, sheet: 'persons' });
    case 'jsonl':
      return writeJsonl(rows() as AsyncIterable<object>);
    case 'pfif':
      return writePfif(records());
  }
}

/** Gazetteer names by id (small: the gazetteer is a few thousand places at most). */
export async function loadPlaceNames(ctx: AppContext): Promise<Map<string, string>> {
  const rows = await ctx.database.db.selectFrom('places').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
