/**
 * Short summaries of registry persons (names, birth date, rank, unit) for lists that point at them,
 * limited to the claim sensitivities the actor may read. Nothing at all without `person.read`.
 */
import { can, claimValueText, personView, type Actor, type ClaimField } from '../domain/index.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { readableSensitivities } from './authz.js';
import { liveClaimsOf } from './match-records.js';

const SUMMARY: readonly ClaimField[] = [
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'date_of_birth',
  'rank',
  'unit',
];

/** Each person's best value of the summary fields, as text; an empty map for actors who may not read persons. */
export async function personSummaries(
  db: Executor,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, Partial<Record<ClaimField, string>>>> {
  const out = new Map<string, Partial<Record<ClaimField, string>>>();
  if (ids.length === 0 || !can(actor.role, 'person.read')) return out;
  const readable = readableSensitivities(actor);
  for (const [id, claims] of await liveClaimsOf(db, [...new Set(ids)])) {
    const view = personView(
      id as never,
      claims.filter((c) => readable.has(c.sensitivity) && SUMMARY.includes(c.field)),
      new Set(),
    );
    const fields: Partial<Record<ClaimField, string>> = {};
    for (const [f, fv] of Object.entries(view.fields))
      fields[f as ClaimField] = claimValueText(f as ClaimField, fv.best.value);
    out.set(id, fields);
  }
  return out;
}
