/**
 * Merging two person records found to be one, and undoing it. A merge moves nothing: the merged
 * record points at the survivor, whose view then includes the merged record's claims and events.
 * Undo clears the pointer. Both are recorded (append-only) and audited; no claim is ever lost.
 */
import {
  DomainError,
  MergeInput,
  asId,
  notFound,
  parseInput,
  type Actor,
  type MergeId,
  type PersonId,
} from '../domain/index.js';
import { bumpVersion, findPerson } from '../db/repositories/person-repository.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { reindexPerson, unindexPerson } from './indexing.js';
import { z } from 'zod';

/** Use case: merge `mergedId` into `survivorId`. */
export async function mergePersons(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'person.merge');
  const input = parseInput(MergeInput, raw, 'merge');
  if (input.survivorId === input.mergedId)
    throw new DomainError('MERGE_INVALID', 'a person cannot be merged into itself', {
      issues: [{ path: 'mergedId', message: 'same as survivorId' }],
    });
  return inUnit(ctx, (u) => mergeIn(ctx, u, actor, input));
}

/** Merges inside an existing unit (a review decision merges in the same transaction). */
export async function mergeIn(ctx: AppContext, u: Unit, actor: Actor, input: MergeInput) {
  {
    const survivor = await findPerson(u.trx, input.survivorId);
    if (!survivor) throw notFound('person', input.survivorId);
    const merged = await findPerson(u.trx, input.mergedId);
    if (!merged) throw notFound('person', input.mergedId);
    if (survivor.mergedInto)
      throw new DomainError(
        'MERGE_INVALID',
        `survivor ${survivor.id} is itself merged into ${survivor.mergedInto}`,
        { issues: [{ path: 'survivorId', message: 'already merged' }] },
      );
    if (merged.mergedInto)
      throw new DomainError(
        'MERGE_INVALID',
        `person ${merged.id} is already merged into ${merged.mergedInto}`,
        { issues: [{ path: 'mergedId', message: 'already merged' }] },
      );
    for (const [p, expected] of [
      [survivor, input.survivorVersion],
      [merged, input.mergedVersion],
    ] as const) {
      if (!(await bumpVersion(u.trx, p.id, u.now, expected)))
        throw new DomainError('VERSION_CONFLICT', `person ${p.id} has changed since version ${expected}`, {
          details: { person: p.id, currentVersion: p.version },
        });
    }
    const id = asId<MergeId>(ctx.ids.next());
    await u.trx
      .insertInto('merges')
      .values({
        id,
        survivor_id: survivor.id,
        merged_id: merged.id,
        reason: input.reason,
        model_version: input.modelVersion ?? null,
        evidence: input.evidence ? JSON.stringify(input.evidence) : null,
        recorded_at: u.now,
        recorded_by: actor.userId,
      })
      .execute();
    await u.trx
      .updateTable('persons')
      .set({ merged_into: survivor.id })
      .where('id', '=', merged.id)
      .execute();
    await unindexPerson(u.trx, merged.id);
    await reindexPerson(u.trx, ctx.keyer, survivor.id);
    u.audit(actor, 'person.merge', 'person', survivor.id, {
      merge: id,
      merged: merged.id,
      modelVersion: input.modelVersion ?? null,
    });
    return { mergeId: id, survivorId: survivor.id, mergedId: merged.id };
  }
}

/** Input for undoing a merge. */
export const UndoInput = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/** Use case: undo a merge; both records stand apart again with everything they had. */
export async function undoMerge(ctx: AppContext, actor: Actor, mergeId: string, raw: unknown) {
  authorize(actor, 'person.merge');
  const input = parseInput(UndoInput, raw, 'undo');
  return inUnit(ctx, async (u) => {
    const merge = await u.trx.selectFrom('merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
    if (!merge) throw notFound('merge', mergeId);
    const undone = await u.trx
      .selectFrom('merge_undos')
      .select('merge_id')
      .where('merge_id', '=', mergeId)
      .executeTakeFirst();
    if (undone) throw new DomainError('STATE_INVALID', `merge ${mergeId} was already undone`);
    const merged = await findPerson(u.trx, merge.merged_id);
    if (merged?.mergedInto !== merge.survivor_id)
      throw new DomainError(
        'STATE_INVALID',
        `person ${merge.merged_id} no longer points at ${merge.survivor_id}`,
      );
    await u.trx
      .insertInto('merge_undos')
      .values({ merge_id: mergeId, reason: input.reason, recorded_at: u.now, recorded_by: actor.userId })
      .execute();
    await u.trx
      .updateTable('persons')
      .set((eb) => ({ merged_into: null, version: eb('version', '+', 1), updated_at: u.now }))
      .where('id', '=', merge.merged_id)
      .execute();
    await bumpVersion(u.trx, merge.survivor_id, u.now);
    await reindexPerson(u.trx, ctx.keyer, asId<PersonId>(merge.survivor_id));
    await reindexPerson(u.trx, ctx.keyer, asId<PersonId>(merge.merged_id));
    u.audit(actor, 'person.unmerge', 'person', merge.survivor_id, {
      merge: mergeId,
      merged: merge.merged_id,
    });
    return { mergeId, survivorId: merge.survivor_id, mergedId: merge.merged_id };
  });
}
