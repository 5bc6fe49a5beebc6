/** Source use cases: create, read, list, update (with optimistic concurrency), delete when unused. */
import { z } from 'zod';
import {
  DomainError,
  SourceInput,
  SourcePatch,
  asId,
  notFound,
  parseInput,
  type Actor,
  type Source,
  type SourceId,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext } from './context.js';

export function rowToSource(r: DB['sources']): Source {
  return {
    id: asId(r.id),
    kind: r.kind as Source['kind'],
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    language: r.language,
    reliability: r.reliability as Source['reliability'],
    url: r.url,
    notes: r.notes,
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

export async function createSource(ctx: AppContext, actor: Actor, raw: unknown): Promise<Source> {
  authorize(actor, 'source.write');
  const input = parseInput(SourceInput, raw, 'source');
  return inUnit(ctx, async (u) => {
    const row: DB['sources'] = {
      id: ctx.ids.next(),
      kind: input.kind,
      title: input.title,
      publisher: input.publisher ?? null,
      published: input.published ?? null,
      language: input.language ?? null,
      reliability: input.reliability,
      url: input.url ?? null,
      notes: input.notes ?? null,
      created_at: u.now,
      created_by: actor.userId,
      version: 1,
    };
    await u.trx.insertInto('sources').values(row).execute();
    u.audit(actor, 'source.create', 'source', row.id);
    return rowToSource(row);
  });
}

export async function getSource(ctx: AppContext, actor: Actor, id: string): Promise<Source> {
  authorize(actor, 'source.read');
  const r = await ctx.database.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('source', id);
  return rowToSource(r);
}

const ListInput = z.strictObject({
  kind: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});

export async function listSources(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
): Promise<{ items: Source[]; nextCursor: string | null }> {
  authorize(actor, 'source.read');
  const input = parseInput(ListInput, raw, 'filter');
  let q = ctx.database.db
    .selectFrom('sources')
    .selectAll()
    .orderBy('id')
    .limit(input.limit + 1);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.cursor) q = q.where('id', '>', input.cursor);
  const rows = await q.execute();
  const page = rows.slice(0, input.limit).map(rowToSource);
  return { items: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}

/** Input for updating a source (optimistic concurrency). */
export const SourceUpdateInput = z.strictObject({
  expectedVersion: z.number().int().min(1),
  patch: SourcePatch,
});

export async function updateSource(ctx: AppContext, actor: Actor, id: string, raw: unknown): Promise<Source> {
  authorize(actor, 'source.write');
  const input = parseInput(SourceUpdateInput, raw, 'source update');
  return inUnit(ctx, async (u) => {
    const current = await u.trx.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('source', id);
    const p = input.patch;
    const r = await u.trx
      .updateTable('sources')
      .set({
        ...(p.kind !== undefined && { kind: p.kind }),
        ...(p.title !== undefined && { title: p.title }),
        ...(p.publisher !== undefined && { publisher: p.publisher ?? null }),
        ...(p.published !== undefined && { published: p.published ?? null }),
        ...(p.language !== undefined && { language: p.language ?? null }),
        ...(p.reliability !== undefined && { reliability: p.reliability }),
        ...(p.url !== undefined && { url: p.url ?? null }),
        ...(p.notes !== undefined && { notes: p.notes ?? null }),
        version: Number(current.version) + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new DomainError(
        'VERSION_CONFLICT',
        `source ${id} has changed since version ${input.expectedVersion}`,
        { details: { currentVersion: Number(current.version) } },
      );
    u.audit(actor, 'source.update', 'source', id, { fields: Object.keys(p) });
    return rowToSource(
      await u.trx.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

/** Deletes a source nothing refers to; a source with claims, events or batches is kept for provenance. */
export async function deleteSource(ctx: AppContext, actor: Actor, id: SourceId | string): Promise<void> {
  authorize(actor, 'source.write');
  await inUnit(ctx, async (u) => {
    const current = await u.trx.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('source', id);
    const used =
      (await u.trx
        .selectFrom('claims')
        .select('id')
        .where('source_id', '=', id)
        .limit(1)
        .executeTakeFirst()) ??
      (await u.trx
        .selectFrom('status_events')
        .select('id')
        .where('source_id', '=', id)
        .limit(1)
        .executeTakeFirst()) ??
      (await u.trx
        .selectFrom('import_batches')
        .select('id')
        .where('source_id', '=', id)
        .limit(1)
        .executeTakeFirst());
    if (used)
      throw new DomainError(
        'STATE_INVALID',
        `source ${id} is referenced by recorded facts and cannot be deleted`,
      );
    await u.trx.deleteFrom('sources').where('id', '=', id).execute();
    u.audit(actor, 'source.delete', 'source', id);
  });
}
