/**
 * The registry side of matching: persons as match records, blocking keys kept per person, ranked
 * search, and duplicate candidates queued for review. The engine itself (src/matching) is pure.
 */
import {
  blockingKeysMany,
  createScorer,
  defaultModel,
  prepare,
  preparedRecords,
  rankCandidates,
  type FieldType,
  type MatchModel,
  type MatchRecord,
  type Scorer,
  type Explanation,
} from '../matching/index.js';
import { liveClaims, personView, type Claim, type ClaimField, type PartialDate } from '../domain/index.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { loadRecord } from '../db/repositories/person-repository.js';
import { nameTokenKeyer, type PersonKeyer } from './indexing.js';

const CLAIM_TO_FIELD: Partial<Record<ClaimField, FieldType>> = {
  given_name: 'given_name',
  family_name: 'family_name',
  patronymic: 'patronymic',
  name_original: 'full_name',
  sex: 'sex',
  date_of_birth: 'date_of_birth',
  place_of_birth: 'place_of_birth',
  rank: 'rank',
  unit: 'unit',
  service_number: 'service_number',
  id_number: 'id_number',
  address: 'address',
  phone: 'phone',
  email: 'email',
};

/** Name fields whose other (conflicting) values also get blocking keys, so every spelling is findable. */
const VARIANT_FIELDS: ClaimField[] = ['family_name', 'given_name', 'name_original', 'date_of_birth'];

function dateText(d: PartialDate): string {
  return [
    String(d.year),
    d.month && String(d.month).padStart(2, '0'),
    d.day && String(d.day).padStart(2, '0'),
  ]
    .filter(Boolean)
    .join('-');
}

function fieldText(field: ClaimField, value: unknown): string {
  if (field === 'date_of_birth') return dateText(value as PartialDate);
  return String(value);
}

/**
 * A person's live claims as match records: the first holds the best value of every field; one more
 * per conflicting name or birth date, so that each recorded spelling can be found.
 */
export function matchRecordsOf(id: string, claims: readonly Claim[]): MatchRecord[] {
  const view = personView(id as never, claims, new Set());
  const fields: Partial<Record<FieldType, string>> = {};
  let ageAsOf: string | undefined;
  for (const [field, fv] of Object.entries(view.fields) as [
    ClaimField,
    NonNullable<(typeof view.fields)[ClaimField]>,
  ][]) {
    if (field === 'age') {
      const a = fv.best.value as { years: number; asOf: string };
      fields.age = String(a.years);
      ageAsOf = a.asOf;
      continue;
    }
    const target = CLAIM_TO_FIELD[field];
    if (target) fields[target] = fieldText(field, fv.best.value);
  }
  const base: MatchRecord = ageAsOf ? { id, fields, age_as_of: ageAsOf } : { id, fields };
  const out: MatchRecord[] = [base];
  for (const field of VARIANT_FIELDS) {
    const target = CLAIM_TO_FIELD[field]!;
    for (const c of view.fields[field]?.conflicts ?? [])
      out.push({ ...base, fields: { ...fields, [target]: fieldText(field, c.value) } });
  }
  return out;
}

/** The registry's matcher: one model, compiled once. */
export interface RegistryMatcher {
  readonly model: MatchModel;
  readonly scorer: Scorer;
  readonly keyer: PersonKeyer;
}

export function createRegistryMatcher(model: MatchModel = defaultModel()): RegistryMatcher {
  // Keys of many persons at once: their match records are prepared together.
  const many = (lists: readonly (readonly Claim[])[]): string[][] => {
    const records: MatchRecord[] = [];
    const owner: number[] = [];
    lists.forEach((claims, p) => {
      for (const record of matchRecordsOf(claims[0]?.personId ?? `p${p}`, claims)) {
        records.push(record);
        owner.push(p);
      }
    });
    const sets = lists.map((claims) => new Set(nameTokenKeyer(claims)));
    blockingKeysMany(records, model).forEach((keys, r) => {
      for (const k of keys) sets[owner[r]!]!.add(k);
    });
    return sets.map((set) => [...set]);
  };
  const keyer: PersonKeyer = Object.assign((claims: readonly Claim[]) => many([claims])[0]!, { many });
  return { model, scorer: createScorer(model), keyer };
}

/** A scored registry person. */
export interface ScoredPerson {
  readonly id: string;
  readonly probability: number;
  readonly weight: number;
  readonly explanation: Explanation;
}

/** Loads live claims of many persons at once, grouped by person. */
export async function liveClaimsOf(db: Executor, ids: readonly string[]): Promise<Map<string, Claim[]>> {
  const out = new Map<string, Claim[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const record = await loadRecord(db, ids.slice(i, i + 500));
    const retracted = new Set<string>(record.claimRetractions.map((r) => r.claimId));
    for (const c of liveClaims(record.claims, retracted)) {
      const list = out.get(c.personId);
      if (list) list.push(c);
      else out.set(c.personId, [c]);
    }
  }
  return out;
}

/**
 * Scores a query against registry persons (by their live claims). A person with several spellings
 * scores by its best-matching one.
 */
export function scoreAgainst(
  matcher: RegistryMatcher,
  query: MatchRecord,
  claimsByPerson: ReadonlyMap<string, Claim[]>,
): ScoredPerson[] {
  const records: MatchRecord[] = [];
  for (const [id, claims] of claimsByPerson) records.push(...matchRecordsOf(id, claims));
  if (records.length === 0) return [];
  const ranked = rankCandidates(query, preparedRecords(prepare(records)), matcher.model, matcher.scorer);
  const best = new Map<string, ScoredPerson>();
  for (const r of ranked)
    if (!best.has(r.id))
      best.set(r.id, { id: r.id, probability: r.probability, weight: r.weight, explanation: r.explanation });
  return [...best.values()];
}

/** Persons sharing at least one blocking key with the given keys (bounded), merged records excluded. */
export async function candidatesByKeys(
  db: Executor,
  keys: readonly string[],
  limit: number,
  exclude?: string,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const ids = new Set<string>();
  for (let i = 0; i < keys.length && ids.size < limit; i += 200) {
    let q = db
      .selectFrom('blocking_keys')
      .select('person_id')
      .distinct()
      .where('key', 'in', keys.slice(i, i + 200))
      .limit(limit);
    if (exclude) q = q.where('person_id', '!=', exclude);
    for (const r of await q.execute()) ids.add(r.person_id);
  }
  return [...ids].slice(0, limit);
}
