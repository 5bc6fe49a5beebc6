/**
 * Persons to export, page by page (keyset on the id), with their live claims (only the
 * sensitivities the reader may see), their events and current status. Nothing is held beyond a page.
 */
import { sql } from 'kysely';
import {
  currentStatus,
  liveClaims,
  personView,
  type Claim,
  type PersonId,
  type PersonView,
  type Sensitivity,
  type StatusEvent,
  type CurrentStatus,
} from '../../domain/index.js';
import { loadRecord } from '../../db/repositories/person-repository.js';
import type { AppContext } from '../context.js';
import { foldTokens } from '../indexing.js';
import type { ParsedExportOptions } from './types.js';

/** One person as exported. */
export interface ExportedPerson {
  readonly id: string;
  readonly claims: Claim[];
  readonly events: StatusEvent[];
  readonly view: PersonView;
  readonly status: CurrentStatus;
}

const PAGE = 500;

/** Yields every person the filter selects, in id order. */
export async function* personPages(
  ctx: AppContext,
  filter: ParsedExportOptions['filter'],
  readable: ReadonlySet<Sensitivity>,
): AsyncGenerator<ExportedPerson[]> {
  let after: string | null = null;
  for (;;) {
    const ids = await pageIds(ctx, filter, after);
    if (ids.length === 0) return;
    yield await loadPage(ctx, ids, readable);
    if (ids.length < PAGE) return;
    after = ids[ids.length - 1]!;
  }
}

async function pageIds(
  ctx: AppContext,
  filter: ParsedExportOptions['filter'],
  after: string | null,
): Promise<string[]> {
  let q = ctx.database.db
    .selectFrom('persons')
    .leftJoin('person_status', 'person_status.person_id', 'persons.id')
    .select('persons.id')
    .where('persons.merged_into', 'is', null);
  if (after) q = q.where('persons.id', '>', after);
  if (filter.state) q = q.where('person_status.state', '=', filter.state);
  if (filter.placeId) q = q.where('person_status.place_id', '=', filter.placeId);
  if (filter.updatedSince) q = q.where('persons.updated_at', '>=', filter.updatedSince);
  if (filter.sourceId) {
    const sourceId = filter.sourceId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('claims')
          .select(sql`1`.as('one'))
          .whereRef('claims.person_id', '=', 'persons.id')
          .where('claims.source_id', '=', sourceId),
      ),
    );
  }
  for (const token of filter.q ? foldTokens(filter.q).slice(0, 6) : [])
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_keys')
          .select(sql`1`.as('one'))
          .whereRef('person_keys.person_seq', '=', 'persons.seq')
          .where('person_keys.key', '>=', `t:${token}`)
          .where('person_keys.key', '<', `t:${token}\uffff`),
      ),
    );
  return (await q.orderBy('persons.id').limit(PAGE).execute()).map((r) => r.id);
}

/** Survivors with the records merged into them (transitively), loaded in one go. */
export async function loadPage(
  ctx: AppContext,
  ids: readonly string[],
  readable: ReadonlySet<Sensitivity>,
): Promise<ExportedPerson[]> {
  const owner = new Map<string, string>(ids.map((id) => [id, id]));
  let frontier = [...ids];
  while (frontier.length > 0) {
    const rows = await ctx.database.db
      .selectFrom('persons')
      .select(['id', 'merged_into'])
      .where('merged_into', 'in', frontier)
      .execute();
    frontier = [];
    for (const r of rows)
      if (!owner.has(r.id)) {
        owner.set(r.id, owner.get(r.merged_into!)!);
        frontier.push(r.id);
      }
  }
  const record = await loadRecord(ctx.database.db, [...owner.keys()]);
  const retracted = new Set<string>([
    ...record.claimRetractions.map((r) => r.claimId),
    ...record.eventRetractions.map((r) => r.eventId),
  ]);
  const claims = new Map<string, Claim[]>(ids.map((id) => [id, []]));
  const events = new Map<string, StatusEvent[]>(ids.map((id) => [id, []]));
  for (const c of liveClaims(record.claims, retracted))
    if (readable.has(c.sensitivity)) claims.get(owner.get(c.personId)!)!.push(c);
  for (const e of record.events) if (!retracted.has(e.id)) events.get(owner.get(e.personId)!)!.push(e);
  return ids.map((id) => {
    const cs = claims.get(id)!;
    const es = events.get(id)!;
    return {
      id,
      claims: cs,
      events: es,
      view: personView(id as PersonId, cs, new Set()),
      status: currentStatus(es),
    };
  });
}
