/**
 * Persons as the matching engine sees them. A person's match records are derived from its live
 * claims (and those of the records merged into it); they are stored beside its blocking keys in
 * `match_records`, so that scoring a few hundred candidates reads one row each instead of their
 * claims, events and retractions. A person without a stored row (its facts changed in bulk, or a
 * registry older than the table) is read from its claims instead: the stored rows are a cache.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { insertRows, type Database } from '../db/dialects/dialect.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { loadRecord } from '../db/repositories/person-repository.js';
import { liveClaims, personView, type Claim, type ClaimField, type PartialDate } from '../domain/index.js';
import type { FieldType, MatchRecord } from '../matching/index.js';

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

/** Name fields whose other (conflicting) values also get records, so every spelling is findable. */
const VARIANT_FIELDS: ClaimField[] = ['family_name', 'given_name', 'name_original', 'date_of_birth'];

/** Rows per statement. */
const SLICE = 500;

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

/** The stored form: the records without the person's id (the row's key). */
export function encodeMatchRecords(records: readonly MatchRecord[]): string {
  return JSON.stringify(
    records.map((r) => (r.age_as_of ? { fields: r.fields, age_as_of: r.age_as_of } : { fields: r.fields })),
  );
}

/** A person's match records from their stored form (see readStoredRecords). */
export function decodeMatchRecords(id: string, text: string): MatchRecord[] {
  const stored = JSON.parse(text) as { fields: MatchRecord['fields']; age_as_of?: string }[];
  return stored.map((r) =>
    r.age_as_of ? { id, fields: r.fields, age_as_of: r.age_as_of } : { id, fields: r.fields },
  );
}

/** Stores (or replaces) the match records of persons. */
export async function storeMatchRecords(
  trx: Transaction<DB>,
  items: readonly { personId: string; records: readonly MatchRecord[] }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE)
    await trx
      .insertInto('match_records')
      .values(
        items
          .slice(i, i + SLICE)
          .map((x) => ({ person_id: x.personId, records: encodeMatchRecords(x.records) })),
      )
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet((eb) => ({ records: eb.ref('excluded.records') })),
      )
      .execute();
}

/**
 * Stores the match records of persons that have none yet (persons just created), given in their
 * stored form (encodeMatchRecords): a plain bulk insert, without the upsert's conflict handling.
 */
export async function insertMatchRecords(
  database: Database,
  trx: Transaction<DB>,
  items: readonly { personId: string; stored: string }[],
): Promise<void> {
  await insertRows(
    database,
    trx,
    'match_records',
    items.map((x) => ({ person_id: x.personId, records: x.stored })),
  );
}

/** Forgets the stored records of persons whose facts changed without recomputing them (read from claims next time). */
export async function dropMatchRecords(trx: Transaction<DB>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += SLICE)
    await trx
      .deleteFrom('match_records')
      .where('person_id', 'in', ids.slice(i, i + SLICE))
      .execute();
}

/** Loads live claims of many persons at once, grouped by person. */
export async function liveClaimsOf(db: Executor, ids: readonly string[]): Promise<Map<string, Claim[]>> {
  const out = new Map<string, Claim[]>();
  for (let i = 0; i < ids.length; i += SLICE) {
    const record = await loadRecord(db, ids.slice(i, i + SLICE));
    const retracted = new Set<string>(record.claimRetractions.map((r) => r.claimId));
    for (const c of liveClaims(record.claims, retracted)) {
      const list = out.get(c.personId);
      if (list) list.push(c);
      else out.set(c.personId, [c]);
    }
  }
  return out;
}

/** The stored match records of persons, as stored (JSON), by person id; persons without a row are left out. */
export async function readStoredRecords(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += SLICE)
    for (const r of await db
      .selectFrom('match_records')
      .select(['person_id', 'records'])
      .where('person_id', 'in', ids.slice(i, i + SLICE))
      .execute())
      found.set(r.person_id, r.records);
  return found;
}

/**
 * The match records of persons, by person, in the order of `ids`: stored rows where there are
 * some, computed from live claims for the rest. Persons with no claims are left out.
 */
export async function loadMatchRecords(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, MatchRecord[]>> {
  const found = new Map<string, MatchRecord[]>();
  for (const [id, text] of await readStoredRecords(db, ids)) found.set(id, decodeMatchRecords(id, text));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    for (const [id, claims] of await liveClaimsOf(db, missing)) found.set(id, matchRecordsOf(id, claims));
  const out = new Map<string, MatchRecord[]>();
  for (const id of ids) {
    const records = found.get(id);
    if (records && records.length > 0) out.set(id, records);
  }
  return out;
}
