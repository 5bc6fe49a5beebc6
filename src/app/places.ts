/** Place use cases: a gazetteer with name variants; lookup by any variant in any script. */
import { z } from 'zod';
import {
  DomainError,
  PlaceInput,
  asId,
  foldPlaceName,
  notFound,
  parseInput,
  type Actor,
  type Place,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext } from './context.js';

export function rowToPlace(r: DB['places']): Place {
  return {
    id: asId(r.id),
    name: r.name,
    kind: r.kind as Place['kind'],
    parentId: r.parent_id ? asId(r.parent_id) : null,
    variants: JSON.parse(r.variants) as string[],
    latitude: r.latitude,
    longitude: r.longitude,
    version: Number(r.version),
  };
}

async function writeNames(
  db: Executor,
  id: string,
  name: string,
  variants: readonly string[],
): Promise<void> {
  await db.deleteFrom('place_names').where('place_id', '=', id).execute();
  const folded = [...new Set([name, ...variants].map(foldPlaceName).filter(Boolean))];
  if (folded.length)
    await db
      .insertInto('place_names')
      .values(folded.map((f) => ({ place_id: id, folded: f })))
      .execute();
}

export async function createPlace(ctx: AppContext, actor: Actor, raw: unknown): Promise<Place> {
  authorize(actor, 'place.write');
  const input = parseInput(PlaceInput, raw, 'place');
  return inUnit(ctx, async (u) => {
    if (input.parentId) {
      const parent = await u.trx
        .selectFrom('places')
        .select('id')
        .where('id', '=', input.parentId)
        .executeTakeFirst();
      if (!parent)
        throw new DomainError('VALIDATION_FAILED', `parentId: place ${input.parentId} does not exist`, {
          issues: [{ path: 'parentId', message: 'place does not exist' }],
        });
    }
    const row: DB['places'] = {
      id: ctx.ids.next(),
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      variants: JSON.stringify(input.variants),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      version: 1,
    };
    await u.trx.insertInto('places').values(row).execute();
    await writeNames(u.trx, row.id, input.name, input.variants);
    u.audit(actor, 'place.create', 'place', row.id);
    return rowToPlace(row);
  });
}

/** Input for replacing a place's variants (optimistic concurrency). */
export const PlaceVariantsInput = z.strictObject({
  expectedVersion: z.number().int().min(1),
  variants: z.array(z.string().trim().min(1).max(300)).max(100),
});

/** Replaces the variants of a place (the name, kind and parent stay). */
export async function setPlaceVariants(
  ctx: AppContext,
  actor: Actor,
  id: string,
  raw: unknown,
): Promise<Place> {
  authorize(actor, 'place.write');
  const input = parseInput(PlaceVariantsInput, raw, 'place update');
  return inUnit(ctx, async (u) => {
    const current = await u.trx.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('place', id);
    const r = await u.trx
      .updateTable('places')
      .set({ variants: JSON.stringify(input.variants), version: Number(current.version) + 1 })
      .where('id', '=', id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new DomainError(
        'VERSION_CONFLICT',
        `place ${id} has changed since version ${input.expectedVersion}`,
      );
    await writeNames(u.trx, id, current.name, input.variants);
    u.audit(actor, 'place.update', 'place', id);
    return rowToPlace(
      await u.trx.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

export async function getPlace(ctx: AppContext, actor: Actor, id: string): Promise<Place> {
  authorize(actor, 'place.read');
  const r = await ctx.database.db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('place', id);
  return rowToPlace(r);
}

const ListInput = z.strictObject({
  q: z.string().trim().max(300).optional(),
  kind: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Lists places; with `q`, those whose name or a variant starts with it (case and accents ignored). */
export async function listPlaces(ctx: AppContext, actor: Actor, raw: unknown): Promise<Place[]> {
  authorize(actor, 'place.read');
  const input = parseInput(ListInput, raw, 'filter');
  let q = ctx.database.db.selectFrom('places').selectAll().orderBy('name').limit(input.limit);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.q) {
    const f = foldPlaceName(input.q);
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('place_names')
        .select('place_id')
        .where('folded', '>=', f)
        .where('folded', '<', `${f}\uffff`),
    );
  }
  return (await q.execute()).map(rowToPlace);
}

/** Finds the places whose name or variant is exactly this name (folded). Used by imports. */
export async function resolvePlaceName(db: Executor, name: string): Promise<Place[]> {
  const f = foldPlaceName(name);
  const rows = await db
    .selectFrom('places')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('place_names').select('place_id').where('folded', '=', f))
    .execute();
  return rows.map(rowToPlace);
}
