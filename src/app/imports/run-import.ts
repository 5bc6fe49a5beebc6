/**
 * Use case: import a list. Detect format and encoding → map columns → read, validate and normalise
 * each row → match against the registry → write, all in ONE transaction: a failure, a cancellation
 * or a crash leaves the registry exactly as it was; a dry run does everything and rolls back.
 * Rows stream through in chunks, so a file of any length is never held in memory.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  DomainError,
  asId,
  parseInput,
  type Actor,
  type BatchId,
  type Issue,
  type SourceId,
} from '../../domain/index.js';
import type { FieldName, TableRow } from '../../interchange/index.js';
import { authorize } from '../authz.js';
import { bulkWriteCache, freshStatistics } from '../../db/dialects/dialect.js';
import { inUnit, type AppContext, type Unit } from '../context.js';
import { applyChunk, stageChunk, type ImportScope, type StagedChunk } from './apply-chunk.js';
import { rowPreparer, type RowPreparer } from './row-preparer.js';
import { buildMapping, loadPreset, savePresetIn, type ColumnMapping } from './mapping.js';
import { openFile, sampleDateOrder, type OpenedFile } from './open-rows.js';
import { pfifFacts } from './pfif-facts.js';
import { StagedKeys, stagingStorage } from './staged-keys.js';
import { MAX_BLOCK } from './candidate-finder.js';
import { FeatureCaches } from '../../matching/index.js';
import { rematchEnquiriesForBatch } from '../enquiries.js';
import { rowFacts, type RowContext } from './row-facts.js';
import {
  ImportOptions,
  REPORT_LIST_LIMIT,
  type ImportControl,
  type ImportReport,
  type ParsedImportOptions,
  type PreparedRow,
  type RowReject,
} from './types.js';

/**
 * SQLite's page cache during an import: half of a bulk registration's, because an import also keeps
 * in memory what it learns of keys and candidates (several hundred megabytes at a million rows),
 * and the commit's sort takes as much again as half this cache. Most reads it misses are served
 * from the operating system's file cache.
 */
const IMPORT_CACHE_KIB = 256 * 1024;

/** Tables an import reads by key, chunk after chunk (see freshStatistics). */
const IMPORT_READS = [
  'blocking_keys',
  'person_keys',
  'match_records',
  'import_rows',
  'claims',
  'status_events',
  'persons',
] as const;

/** Thrown inside the transaction to roll a dry run back; carries its report out. */
class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/**
 * Imports the file at `path`. Returns the report; throws DomainError for a file that cannot be
 * read as a whole (INPUT_INVALID, UNSUPPORTED_FORMAT, PAYLOAD_TOO_LARGE), for a mapping that maps
 * nothing, or CANCELLED when `control.signal` aborts. Rows with bad cells are rejected in the report.
 */
export async function runImport(
  ctx: AppContext,
  actor: Actor,
  path: string,
  raw: ImportOptions,
  control: ImportControl = {},
): Promise<ImportReport> {
  authorize(actor, 'import.run');
  const opts = parseInput(ImportOptions, raw, 'import');
  if (!opts.sourceId && !opts.sourceName)
    throw new DomainError('VALIDATION_FAILED', 'import: a source (id or name) is required', {
      issues: [{ path: 'sourceId', message: 'required' }],
    });
  const totalBytes = statSync(path).size;
  await freshStatistics(ctx.database.db, ctx.database.dialect, IMPORT_READS);
  const restoreCache = bulkWriteCache(ctx.database, IMPORT_CACHE_KIB);
  const restoreStorage = stagingStorage(ctx.database);
  try {
    return await inUnit(ctx, async (u) => {
      const report = await importIn(ctx, u, actor, path, opts, control, totalBytes);
      if (opts.dryRun) throw new DryRunDone(report);
      return report;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.report;
    throw e;
  } finally {
    restoreStorage();
    restoreCache();
  }
}

async function importIn(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  path: string,
  opts: ParsedImportOptions,
  control: ImportControl,
  totalBytes: number,
): Promise<ImportReport> {
  const source = await resolveSource(ctx, u, actor, opts);
  const fileName = opts.fileName ?? basename(path);
  const preset = opts.preset ? await loadPreset(u, opts.preset) : null;
  const format = opts.format ?? (preset?.options['format'] as ParsedImportOptions['format']);
  const file = await openFile(path, {
    fileName,
    ...(format && { format }),
    ...(opts.sheet && { sheet: opts.sheet }),
  });
  try {
    const { table } = file;
    const isPfif = table.format === 'pfif';
    const mapping = isPfif
      ? null
      : buildMapping(table.header, table.hxlTags, preset?.mapping ?? null, opts.mapping);
    if (mapping && Object.keys(mapping.byColumn).length === 0)
      throw new DomainError('INPUT_INVALID', `${fileName}: no column maps to a field of the registry`, {
        issues: table.header.map((h, i) => ({
          row: 1,
          column: i + 1,
          code: 'UNMAPPED',
          message: `"${h}" maps to no field`,
        })),
      });
    const dateColumns = mapping
      ? (['date_of_birth', 'status_date'] as FieldName[]).flatMap((f) => mapping.byField.get(f) ?? [])
      : [];
    const sampled = opts.dateOrder
      ? { order: opts.dateOrder, rows: file.rows }
      : await sampleDateOrder(file.rows, dateColumns);
    const batchId = asId<BatchId>(ctx.ids.next());
    const report = newReport(batchId, source.id, fileName, table, opts.dryRun, mapping, sampled.order);
    await u.trx
      .insertInto('import_batches')
      .values({
        id: batchId,
        source_id: source.id,
        file_name: fileName,
        format: table.format,
        file_sha256: '',
        mapping: JSON.stringify(report.mapping),
        state: 'running',
        counts: '{}',
        created_at: u.now,
        created_by: actor.userId,
        report: null,
        finished_at: null,
      })
      .execute();
    const scope: ImportScope = {
      ctx,
      u,
      actor,
      sourceId: source.id,
      batchId,
      report,
      places: new Map(),
      keys: await StagedKeys.open(u),
    };
    const rc: RowContext | null = mapping
      ? {
          columns: mapping.byField,
          dateOrder: sampled.order,
          orderForced: opts.dateOrder !== undefined,
          assertedAt: opts.sourceDate ?? source.published,
          today: u.now.slice(0, 10),
        }
      : null;
    const preparer = rowPreparer(
      u,
      {
        model: ctx.matcher.model,
        scorer: ctx.matcher.scorer,
        caches: new FeatureCaches(),
        now: u.now,
        cap: MAX_BLOCK,
      },
      {
        fileBytes: totalBytes,
        ...(control.prepareOnWorker !== undefined && { worker: control.prepareOnWorker }),
      },
    );
    try {
      await readAll(scope, preparer, file, sampled.rows, rc, opts.chunkSize, control, totalBytes);
    } finally {
      await preparer.close();
    }
    for (const note of table.looseNotes ?? [])
      warn(report, {
        row: 0,
        column: 'note',
        code: 'NOTE_UNATTACHED',
        message: `note ${note['note_record_id'] ?? '?'} names no person of this file; not imported`,
      });
    if (opts.savePreset && mapping)
      await savePresetIn(ctx, u, actor, opts.savePreset, mapping.byColumn, { format: table.format });
    // Open enquiries are re-matched from the staged keys, before the key tables are written: a dry
    // run, rolled back, counts the candidates the list would give without that pass.
    report.enquiryCandidates = await rematchEnquiriesForBatch(ctx, u, batchId, (keys) =>
      scope.keys.under(keys),
    );
    if (opts.dryRun) await scope.keys.drop();
    else await scope.keys.commit();
    await finishBatch(u, report, file.sha256());
    u.audit(actor, 'import.commit', 'import_batch', batchId, { source: source.id, ...counts(report) });
    return report;
  } finally {
    file.close();
  }
}

async function resolveSource(ctx: AppContext, u: Unit, actor: Actor, opts: ParsedImportOptions) {
  if (opts.sourceId) {
    const s = await u.trx
      .selectFrom('sources')
      .select(['id', 'published'])
      .where('id', '=', opts.sourceId)
      .executeTakeFirst();
    if (!s)
      throw new DomainError('NOT_FOUND', `source ${opts.sourceId} does not exist`, {
        details: { what: 'source', id: opts.sourceId },
      });
    return { id: asId<SourceId>(s.id), published: s.published };
  }
  const title = opts.sourceName!;
  const s = await u.trx
    .selectFrom('sources')
    .select(['id', 'published'])
    .where('title', '=', title)
    .orderBy('created_at')
    .executeTakeFirst();
  if (s) return { id: asId<SourceId>(s.id), published: s.published };
  authorize(actor, 'source.write');
  const id = ctx.ids.next();
  await u.trx
    .insertInto('sources')
    .values({
      id,
      kind: 'list',
      title,
      publisher: null,
      published: null,
      language: null,
      reliability: 'F',
      url: null,
      notes: null,
      created_at: u.now,
      created_by: actor.userId,
      version: 1,
    })
    .execute();
  u.audit(actor, 'source.create', 'source', id);
  return { id: asId<SourceId>(id), published: null };
}

function newReport(
  batchId: string,
  sourceId: string,
  fileName: string,
  table: OpenedFile['table'],
  dryRun: boolean,
  mapping: ColumnMapping | null,
  dateOrder: string,
): ImportReport {
  return {
    batchId,
    sourceId,
    fileName,
    format: table.format,
    encoding: table.encoding,
    dryRun,
    mapping: mapping ? { ...mapping.byColumn } : {},
    unmappedColumns: mapping ? mapping.unmapped : [],
    dateOrder,
    ambiguousDates: 0,
    rows: 0,
    created: 0,
    linked: 0,
    queued: 0,
    enquiryCandidates: 0,
    updated: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected: [],
    warnings: [],
  };
}

function reject(report: ImportReport, r: RowReject): void {
  report.rejectedCount++;
  if (report.rejected.length < REPORT_LIST_LIMIT) report.rejected.push(r);
}

function warn(report: ImportReport, r: RowReject): void {
  if (report.warnings.length < REPORT_LIST_LIMIT) report.warnings.push(r);
}

/** The report's numbers, for the audit entry and the batch record. */
export function counts(r: ImportReport): Record<string, number> {
  return {
    rows: r.rows,
    created: r.created,
    linked: r.linked,
    queued: r.queued,
    enquiryCandidates: r.enquiryCandidates,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejectedCount,
  };
}

/**
 * Streams the rows through chunks; checks cancellation between rows and reports progress per
 * chunk. A chunk is staged (its rows prepared for matching, on a worker when there is one) before
 * the chunk before it is applied, so that the two overlap.
 */
async function readAll(
  scope: ImportScope,
  preparer: RowPreparer,
  file: OpenedFile,
  rows: AsyncIterable<TableRow>,
  rc: RowContext | null,
  chunkSize: number,
  control: ImportControl,
  totalBytes: number,
): Promise<void> {
  const { report } = scope;
  let chunk: PreparedRow[] = [];
  let refs = new Set<string>();
  let issuesSeen = 0;
  let staged: { chunk: StagedChunk; refs: Set<string> } | null = null;
  const applyStaged = async () => {
    if (staged) await applyChunk(scope, staged.chunk, preparer);
    staged = null;
  };
  const mut = report as { ambiguousDates: number; rows: number };
  const flush = async () => {
    issuesSeen = drainIssues(report, file.table.issues, issuesSeen);
    if (chunk.length) {
      // A row that repeats one of the staged chunk is known only once that chunk is written.
      if (staged && chunk.some((r) => staged!.refs.has(r.rowRef))) await applyStaged();
      const next = { chunk: await stageChunk(scope, chunk, preparer), refs };
      await applyStaged();
      staged = next;
    }
    chunk = [];
    refs = new Set();
    control.onProgress?.({ rows: report.rows, bytesRead: file.bytesRead(), totalBytes });
  };
  for await (const row of rows) {
    if (control.signal?.aborted)
      throw new DomainError('CANCELLED', 'the import was cancelled; nothing was written');
    mut.rows++;
    const out = rc ? rowFacts(row, rc) : pfifFacts(row);
    if (!out.ok) {
      reject(report, out.reject);
      continue;
    }
    if ('ambiguous' in out) mut.ambiguousDates += out.ambiguous;
    if (refs.has(out.row.rowRef)) await flush();
    chunk.push(out.row);
    refs.add(out.row.rowRef);
    if (chunk.length >= chunkSize) await flush();
  }
  if (control.signal?.aborted)
    throw new DomainError('CANCELLED', 'the import was cancelled; nothing was written');
  await flush();
  await applyStaged();
  control.onProgress?.({ rows: report.rows, bytesRead: file.bytesRead(), totalBytes });
}

/** Moves the readers' row problems into the report; a file cut off in the middle stops the import. */
function drainIssues(report: ImportReport, issues: readonly Issue[], from: number): number {
  for (let i = from; i < issues.length; i++) {
    const issue = issues[i]!;
    if (issue.code === 'TRUNCATED')
      throw new DomainError('INPUT_INVALID', `line ${issue.row}: ${issue.message}; nothing was imported`, {
        issues: [issue],
      });
    (report as { rows: number }).rows++;
    reject(report, {
      row: issue.row ?? 0,
      ...(issue.column !== undefined && { column: issue.column }),
      code: issue.code ?? 'INPUT_INVALID',
      message: issue.message,
    });
  }
  return issues.length;
}

async function finishBatch(u: Unit, report: ImportReport, sha256: string): Promise<void> {
  await u.trx
    .updateTable('import_batches')
    .set({
      state: report.dryRun ? 'dry_run' : 'committed',
      file_sha256: sha256,
      counts: JSON.stringify(counts(report)),
      report: JSON.stringify(report),
      finished_at: u.now,
    })
    .where('id', '=', report.batchId)
    .execute();
}
