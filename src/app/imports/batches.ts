/** Use cases: read import batches and their reports. */
import { notFound, type Actor } from '../../domain/index.js';
import { authorize } from '../authz.js';
import type { AppContext } from '../context.js';
import type { ImportReport } from './types.js';

/** A batch as listed. */
export interface BatchSummary {
  readonly id: string;
  readonly sourceId: string;
  readonly fileName: string;
  readonly format: string;
  readonly state: string;
  readonly counts: Record<string, number>;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** Lists the latest batches (newest first). */
export async function listBatches(ctx: AppContext, actor: Actor, limit = 50): Promise<BatchSummary[]> {
  authorize(actor, 'import.run');
  const rows = await ctx.database.db
    .selectFrom('import_batches')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(Math.min(Math.max(limit, 1), 500))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    fileName: r.file_name,
    format: r.format,
    state: r.state,
    counts: JSON.parse(r.counts) as Record<string, number>,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}

/** The stored report of a committed batch. */
export async function getBatchReport(ctx: AppContext, actor: Actor, id: string): Promise<ImportReport> {
  authorize(actor, 'import.run');
  const r = await ctx.database.db
    .selectFrom('import_batches')
    .select('report')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r?.report) throw notFound('import batch', id);
  // Batches imported before imports re-matched enquiries queued no enquiry candidates.
  const stored = JSON.parse(r.report) as Omit<ImportReport, 'enquiryCandidates'> & {
    enquiryCandidates?: number;
  };
  return { ...stored, enquiryCandidates: stored.enquiryCandidates ?? 0 };
}
