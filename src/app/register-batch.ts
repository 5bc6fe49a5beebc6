/**
 * Registering many persons in one transaction (imports, generated data). Derived rows (blocking
 * keys, current status) are computed from the new facts in memory instead of being read back.
 */
import { z } from 'zod';
import {
  RegisterPersonInput,
  asId,
  parseInput,
  type Actor,
  type Claim,
  type PersonId,
  type StatusEvent,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { rematchEnquiriesFor } from './enquiries.js';
import { matchRecordsOf, storeMatchRecords } from './match-records.js';
import { writeKeyRows } from './key-rows.js';
import { nextPersonSeqs } from '../db/repositories/person-repository.js';
import { statusRow } from './indexing.js';
import { bulkWriteCache, insertRows } from '../db/dialects/dialect.js';
import { assertSource, insertFacts, makeClaims, makeEvents, type Provenance } from './persons.js';

const BatchInput = z.array(RegisterPersonInput).min(1).max(100_000);

/** Inserts new persons with their facts and derived rows, inside an existing unit. No audit entries. */
export async function insertNewPersons(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  items: readonly { input: RegisterPersonInput; prov: Provenance }[],
): Promise<{ ids: PersonId[]; claims: number; events: number }> {
  const persons: DB['persons'][] = [];
  const claims: Claim[] = [];
  const events: StatusEvent[] = [];
  const status: DB['person_status'][] = [];
  const claimRefs: (string | null)[] = [];
  const eventRefs: (string | null)[] = [];
  const ids: PersonId[] = [];
  const claimLists: Claim[][] = [];
  const seqs = await nextPersonSeqs(u.trx, u.database.dialect, items.length);
  for (const [p, { input, prov }] of items.entries()) {
    const id = asId<PersonId>(ctx.ids.next());
    ids.push(id);
    persons.push({ id, seq: seqs[p]!, version: 1, merged_into: null, created_at: u.now, updated_at: u.now });
    const c = makeClaims(ctx, u, actor, id, input.claims, prov);
    const e = makeEvents(ctx, u, actor, id, input.events, prov);
    claims.push(...c);
    events.push(...e);
    for (let i = 0; i < c.length; i++) claimRefs.push(prov.rowRef ?? null);
    for (let i = 0; i < e.length; i++) eventRefs.push(prov.rowRef ?? null);
    claimLists.push(c);
    status.push(statusRow(id, e));
  }
  const keyer = ctx.keyer;
  const records = claimLists.map((c, p) => matchRecordsOf(ids[p]!, c));
  const keyLists = keyer.ofRecords ? keyer.ofRecords(records, claimLists) : claimLists.map((c) => keyer(c));
  await insertRows(u.database, u.trx, 'persons', persons);
  await insertFacts(u, claims, events, null, [...claimRefs, ...eventRefs]);
  await writeKeyRows(
    u.database,
    u.trx,
    keyLists.map((keys, p) => ({ personId: ids[p]!, seq: seqs[p]!, keys })),
  );
  await storeMatchRecords(
    u.trx,
    records.map((r, p) => ({ personId: ids[p]!, records: r })),
  );
  await insertRows(u.database, u.trx, 'person_status', status);
  // Open enquiries that share a blocking key with a new person get the new candidates.
  await rematchEnquiriesFor(ctx, u, ids);
  return { ids, claims: claims.length, events: events.length };
}

/** Use case: register many persons from one source in one transaction; all or nothing. */
export async function registerBatch(ctx: AppContext, actor: Actor, sourceId: string, raw: unknown) {
  authorize(actor, 'person.write');
  const inputs = parseInput(BatchInput, raw, 'persons');
  const restoreCache = bulkWriteCache(ctx.database);
  try {
    return await inUnit(ctx, async (u) => {
      await assertSource(u.trx, sourceId);
      const prov: Provenance = { sourceId: asId(sourceId) };
      const result = await insertNewPersons(
        ctx,
        u,
        actor,
        inputs.map((input) => ({ input, prov })),
      );
      u.audit(actor, 'person.register_batch', 'source', sourceId, {
        persons: result.ids.length,
        claims: result.claims,
        events: result.events,
      });
      return result;
    });
  } finally {
    restoreCache();
  }
}
