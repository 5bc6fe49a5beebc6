/**
 * Matching a chunk of rows against the registry with set queries: one lookup of every row's
 * blocking keys, one load of every candidate's live claims, then the engine's scores per row.
 */
import { asId, type Claim, type ClaimInput, type PersonId } from '../../domain/index.js';
import type { AppContext, Unit } from '../context.js';
import { liveClaimsOf, matchRecordsOf, scoreAgainst, type ScoredPerson } from '../registry-matching.js';
import type { PreparedRow } from './types.js';

/** Persons scored per row at most (those sharing the most blocking keys with it). */
const MAX_CANDIDATES = 30;
/** Keys looked up per query. */
const KEY_SLICE = 500;

/** Claim records for scoring a row that is not stored yet. */
export function transientClaims(u: Unit, id: string, inputs: readonly ClaimInput[]): Claim[] {
  return inputs.map((c) => ({
    id: asId(''),
    personId: asId<PersonId>(id),
    field: c.field,
    value: c.value,
    confidence: c.confidence,
    sensitivity: c.sensitivity,
    sourceId: asId(''),
    batchId: null,
    assertedAt: c.assertedAt,
    recordedAt: u.now,
    recordedBy: asId(''),
    supersedes: null,
    reason: null,
  }));
}

/** Blocking keys of the engine (name-token search keys are for typing, not for linkage). */
function linkageKeys(ctx: AppContext, claims: readonly Claim[]): string[] {
  return ctx.keyer(claims).filter((k) => !k.startsWith('t:') && !k.startsWith('k:'));
}

/** The best-scoring registry person of each row, or null when no person shares a key with it. */
export async function bestMatches(
  ctx: AppContext,
  u: Unit,
  rows: readonly PreparedRow[],
): Promise<(ScoredPerson | null)[]> {
  if (rows.length === 0) return [];
  const temp = rows.map((r, i) => transientClaims(u, `q${i}`, r.claims));
  const keysPer = temp.map((c) => linkageKeys(ctx, c));
  const byKey = await personsByKey(u, [...new Set(keysPer.flat())]);
  const candPer = keysPer.map((keys) => topCandidates(keys, byKey));
  const ids = [...new Set(candPer.flat())];
  if (ids.length === 0) return rows.map(() => null);
  const claims = await liveClaimsOf(u.trx, ids);
  return rows.map((_, i) => {
    const cands = candPer[i]!;
    if (cands.length === 0) return null;
    const sub = new Map<string, Claim[]>();
    for (const id of cands) {
      const c = claims.get(id);
      if (c) sub.set(id, c);
    }
    const query = matchRecordsOf(`q${i}`, temp[i]!)[0]!;
    let best: ScoredPerson | null = null;
    for (const s of scoreAgainst(ctx.matcher, query, sub)) if (!best || s.probability > best.probability) best = s;
    return best;
  });
}

async function personsByKey(u: Unit, keys: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < keys.length; i += KEY_SLICE) {
    const rows = await u.trx
      .selectFrom('blocking_keys')
      .select(['key', 'person_id'])
      .where('key', 'in', keys.slice(i, i + KEY_SLICE))
      .execute();
    for (const r of rows) {
      const list = out.get(r.key);
      if (list) list.push(r.person_id);
      else out.set(r.key, [r.person_id]);
    }
  }
  return out;
}

function topCandidates(keys: readonly string[], byKey: ReadonlyMap<string, string[]>): string[] {
  const shared = new Map<string, number>();
  for (const k of keys) for (const id of byKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  if (shared.size <= MAX_CANDIDATES) return [...shared.keys()];
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
}
