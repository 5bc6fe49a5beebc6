/** Use case: list and filter persons, with a summary per person (name, birth date, status). Audited. */
import { sql } from 'kysely';
import {
  PersonFilter,
  claimValueText,
  liveClaims,
  parseInput,
  personView,
  type Actor,
  type ClaimField,
  type PersonId,
  type Reliability,
} from '../domain/index.js';
import type { rowToClaim } from '../db/repositories/person-repository.js';
import { loadRecord } from '../db/repositories/person-repository.js';
import { authorize, readableSensitivities } from './authz.js';
import { inUnit, type AppContext } from './context.js';
import { foldTokens } from './indexing.js';

const SUMMARY_FIELDS: ClaimField[] = [
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'date_of_birth',
  'sex',
  'rank',
  'unit',
];

export interface PersonSummary {
  readonly id: PersonId;
  readonly version: number;
  readonly fields: Partial<Record<ClaimField, string>>;
  readonly state: string;
  readonly placeId: string | null;
}

export async function listPersons(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  authorize(actor, 'person.read');
  const filter = parseInput(PersonFilter, raw, 'filter');
  return inUnit(ctx, async (u) => {
    let q = u.trx
      .selectFrom('persons')
      .leftJoin('person_status', 'person_status.person_id', 'persons.id')
      .select(['persons.id', 'persons.version', 'person_status.state', 'person_status.place_id'])
      .where('persons.merged_into', 'is', null);
    if (filter.cursor) q = q.where('persons.id', '>', filter.cursor);
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
    for (const token of filter.q ? foldTokens(filter.q).slice(0, 6) : []) {
      // Prefix match on name-token keys: an index range, never a scan of claims.
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
    }
    const rows = await q
      .orderBy('persons.id')
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const readable = readableSensitivities(actor);
    const record = page.length
      ? await loadRecord(
          u.trx,
          page.map((r) => r.id),
        )
      : { claims: [], claimRetractions: [] };
    const retracted = new Set<string>(record.claimRetractions.map((r) => r.claimId));
    const byPerson = new Map<string, ReturnType<typeof rowToClaim>[]>();
    for (const c of liveClaims(record.claims, retracted)) {
      if (!readable.has(c.sensitivity) || !SUMMARY_FIELDS.includes(c.field)) continue;
      const list = byPerson.get(c.personId) ?? [];
      list.push(c);
      byPerson.set(c.personId, list);
    }
    const reliability = new Map<string, Reliability>();
    const items = page.map((r) => {
      const view = personView(r.id as PersonId, byPerson.get(r.id) ?? [], new Set(), reliability);
      const fields: Partial<Record<ClaimField, string>> = {};
      for (const [field, fv] of Object.entries(view.fields))
        fields[field as ClaimField] = claimValueText(field as ClaimField, fv.best.value);
      return {
        id: r.id as PersonId,
        version: Number(r.version),
        fields,
        state: r.state ?? 'unknown',
        placeId: r.place_id ?? null,
      };
    });
    u.audit(actor, 'person.list', 'person', null, { count: items.length, ids: items.map((i) => i.id) });
    return { items, nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null };
  });
}
