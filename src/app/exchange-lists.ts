/**
 * Exchange and release lists. Each entry names a registry person, or holds the entry as the list
 * wrote it until it is matched; verification checks identity, current status and location, and
 * conflicts. Completing an entry records the exchange or release in the person's timeline.
 */
import type { z } from 'zod';
import type { MatchRecord } from '../matching/index.js';
import {
  AddEntriesInput,
  DomainError,
  ENTRY_TRANSITIONS,
  EntryTransitionInput,
  ExchangeListInput,
  asId,
  currentStatus,
  notFound,
  parseInput,
  personView,
  type Actor,
  type EntryStatus,
  type EventKind,
  type PersonId,
  type SourceId,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import { clusterIds, findPerson, loadRecord } from '../db/repositories/person-repository.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { candidatesByKeys, liveClaimsOf, scoreAgainst } from './registry-matching.js';
import { blockingKeys } from '../matching/index.js';
import { insertFacts, makeEvents } from './persons.js';
import { reindexPerson } from './indexing.js';

type Submitted = z.infer<typeof AddEntriesInput>['submitted'][number];

export async function createExchangeList(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'exchange.write');
  const input = parseInput(ExchangeListInput, raw, 'exchange list');
  return inUnit(ctx, async (u) => {
    const sourceId = ctx.ids.next();
    await u.trx
      .insertInto('sources')
      .values({
        id: sourceId,
        kind: 'list',
        title: `${input.kind} list: ${input.name}`,
        publisher: input.counterpart ?? null,
        published: u.now.slice(0, 10),
        language: null,
        reliability: 'B',
        url: null,
        notes: null,
        created_at: u.now,
        created_by: actor.userId,
        version: 1,
      })
      .execute();
    const row: DB['exchange_lists'] = {
      id: ctx.ids.next(),
      name: input.name,
      kind: input.kind,
      counterpart: input.counterpart ?? null,
      notes: input.notes ?? null,
      source_id: sourceId,
      created_at: u.now,
      created_by: actor.userId,
      version: 1,
    };
    await u.trx.insertInto('exchange_lists').values(row).execute();
    u.audit(actor, 'exchange.create', 'exchange_list', row.id, { kind: input.kind });
    return { id: row.id, sourceId };
  });
}

function submittedRecord(id: string, s: Submitted): MatchRecord {
  const fields: MatchRecord['fields'] = {};
  if (s.full_name) fields.full_name = s.full_name;
  for (const f of [
    'given_name',
    'family_name',
    'patronymic',
    'date_of_birth',
    'service_number',
    'rank',
    'unit',
  ] as const)
    if (s[f]) fields[f] = s[f]!;
  return { id, fields };
}

/** Checks one entry against the registry: identity, current status and location, conflicts. */
async function verify(ctx: AppContext, u: Unit, entry: DB['exchange_entries']) {
  let personId = entry.person_id;
  let identity: { probability: number; candidates: { personId: string; probability: number }[] } = {
    probability: personId ? 1 : 0,
    candidates: [],
  };
  if (!personId && entry.submitted) {
    const record = submittedRecord(entry.id, JSON.parse(entry.submitted) as Submitted);
    const ids = await candidatesByKeys(u.trx, blockingKeys(record, ctx.matcher.model), 200);
    const scored = scoreAgainst(ctx.matcher, record, await liveClaimsOf(u.trx, ids)).slice(0, 3);
    identity = {
      probability: scored[0]?.probability ?? 0,
      candidates: scored.map((s) => ({ personId: s.id, probability: s.probability })),
    };
    if (
      scored[0] &&
      scored[0].probability >= ctx.matcher.model.thresholds.match &&
      (scored[1]?.probability ?? 0) < ctx.matcher.model.thresholds.review
    )
      personId = scored[0].id;
  }
  const problems: string[] = [];
  let status = null;
  if (personId) {
    const person = await findPerson(u.trx, personId);
    if (person?.mergedInto) personId = person.mergedInto;
    const record = await loadRecord(u.trx, await clusterIds(u.trx, asId<PersonId>(personId)));
    const retracted = new Set<string>([
      ...record.claimRetractions.map((r) => r.claimId),
      ...record.eventRetractions.map((r) => r.eventId),
    ]);
    status = currentStatus(record.events, retracted);
    const view = personView(asId(personId), record.claims, retracted);
    for (const f of ['family_name', 'given_name', 'date_of_birth'] as const)
      if ((view.fields[f]?.conflicts.length ?? 0) > 0) problems.push(`conflicting ${f}`);
    if (status.state === 'released') problems.push('already released according to the registry');
    if (status.state === 'dead') problems.push('reported dead');
    if (status.state === 'unknown' || status.state === 'missing') problems.push('not known to be in custody');
  } else
    problems.push(
      identity.candidates.length
        ? 'identity uncertain: choose among the candidates'
        : 'not found in the registry',
    );
  return { personId, verification: { identity, status, problems, checkedAt: u.now } };
}

export async function addExchangeEntries(ctx: AppContext, actor: Actor, listId: string, raw: unknown) {
  authorize(actor, 'exchange.write');
  const input = parseInput(AddEntriesInput, raw, 'entries');
  return inUnit(ctx, async (u) => {
    const list = await u.trx
      .selectFrom('exchange_lists')
      .selectAll()
      .where('id', '=', listId)
      .executeTakeFirst();
    if (!list) throw notFound('exchange list', listId);
    if (input.personIds.length) {
      const found = new Set(
        (await u.trx.selectFrom('persons').select('id').where('id', 'in', input.personIds).execute()).map(
          (r) => r.id,
        ),
      );
      const missing = input.personIds.map((id, i) => ({ id, i })).filter((x) => !found.has(x.id));
      if (missing.length)
        throw new DomainError(
          'VALIDATION_FAILED',
          `personIds.${missing[0]!.i}: person ${missing[0]!.id} does not exist`,
          { issues: missing.map((m) => ({ path: `personIds.${m.i}`, message: 'person does not exist' })) },
        );
    }
    const last = await u.trx
      .selectFrom('exchange_entries')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('list_id', '=', listId)
      .executeTakeFirst();
    let position = Number(last?.p ?? 0);
    const rows: DB['exchange_entries'][] = [
      ...input.personIds.map((personId) => ({ personId, submitted: null as Submitted | null })),
      ...input.submitted.map((s) => ({ personId: null as string | null, submitted: s })),
    ].map((e) => ({
      id: ctx.ids.next(),
      list_id: listId,
      position: ++position,
      person_id: e.personId,
      submitted: e.submitted ? JSON.stringify(e.submitted) : null,
      status: 'proposed',
      verification: null,
      event_id: null,
      version: 1,
      updated_at: u.now,
    }));
    if (rows.length) await u.trx.insertInto('exchange_entries').values(rows).execute();
    u.audit(actor, 'exchange.add_entries', 'exchange_list', listId, { entries: rows.length });
    return { added: rows.length };
  });
}

/** Use case: verify every open entry of a list against the registry now. */
export async function verifyExchangeList(ctx: AppContext, actor: Actor, listId: string) {
  authorize(actor, 'exchange.write');
  return inUnit(ctx, async (u) => {
    const entries = await u.trx
      .selectFrom('exchange_entries')
      .selectAll()
      .where('list_id', '=', listId)
      .where('status', 'in', ['proposed', 'verified', 'agreed'])
      .execute();
    let problems = 0;
    for (const e of entries) {
      const v = await verify(ctx, u, e);
      if (v.verification.problems.length) problems++;
      await u.trx
        .updateTable('exchange_entries')
        .set({
          person_id: v.personId,
          verification: JSON.stringify(v.verification),
          updated_at: u.now,
          version: Number(e.version) + 1,
        })
        .where('id', '=', e.id)
        .execute();
    }
    u.audit(actor, 'exchange.verify', 'exchange_list', listId, {
      entries: entries.length,
      withProblems: problems,
    });
    return { verified: entries.length, withProblems: problems };
  });
}

export async function getExchangeList(ctx: AppContext, actor: Actor, listId: string) {
  authorize(actor, 'exchange.read');
  return inUnit(ctx, async (u) => {
    const list = await u.trx
      .selectFrom('exchange_lists')
      .selectAll()
      .where('id', '=', listId)
      .executeTakeFirst();
    if (!list) throw notFound('exchange list', listId);
    const entries = await u.trx
      .selectFrom('exchange_entries')
      .selectAll()
      .where('list_id', '=', listId)
      .orderBy('position')
      .execute();
    const personIds = entries.map((e) => e.person_id).filter((x): x is string => Boolean(x));
    const claims = await liveClaimsOf(u.trx, personIds);
    u.audit(actor, 'exchange.read', 'exchange_list', listId, { entries: entries.length });
    return {
      id: list.id,
      name: list.name,
      kind: list.kind,
      counterpart: list.counterpart,
      notes: list.notes,
      sourceId: list.source_id,
      createdAt: list.created_at,
      entries: entries.map((e) => {
        const view = e.person_id
          ? personView(
              asId(e.person_id),
              (claims.get(e.person_id) ?? []).filter((c) => c.sensitivity === 'normal'),
              new Set(),
            )
          : null;
        const name = view
          ? [
              view.fields.family_name?.best.value,
              view.fields.given_name?.best.value,
              view.fields.patronymic?.best.value,
            ]
              .filter(Boolean)
              .join(' ')
          : null;
        return {
          id: e.id,
          position: Number(e.position),
          personId: e.person_id,
          name,
          submitted: e.submitted ? (JSON.parse(e.submitted) as unknown) : null,
          status: e.status,
          verification: e.verification ? (JSON.parse(e.verification) as unknown) : null,
          eventId: e.event_id,
          version: Number(e.version),
        };
      }),
    };
  });
}

export async function listExchangeLists(ctx: AppContext, actor: Actor) {
  authorize(actor, 'exchange.read');
  const lists = await ctx.database.db
    .selectFrom('exchange_lists')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const counts = await ctx.database.db
    .selectFrom('exchange_entries')
    .select(['list_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['list_id', 'status'])
    .execute();
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    kind: l.kind,
    counterpart: l.counterpart,
    createdAt: l.created_at,
    entries: Object.fromEntries(counts.filter((c) => c.list_id === l.id).map((c) => [c.status, Number(c.n)])),
  }));
}

const COMPLETION_EVENT: Record<string, EventKind> = {
  exchange: 'exchanged',
  release: 'released',
  repatriation: 'repatriated',
};

/** Use case: move an entry on; completing it records the event in the person's timeline. */
export async function transitionExchangeEntry(
  ctx: AppContext,
  actor: Actor,
  listId: string,
  entryId: string,
  raw: unknown,
) {
  authorize(actor, 'exchange.write');
  const input = parseInput(EntryTransitionInput, raw, 'entry transition');
  return inUnit(ctx, async (u) => {
    const list = await u.trx
      .selectFrom('exchange_lists')
      .selectAll()
      .where('id', '=', listId)
      .executeTakeFirst();
    const entry = await u.trx
      .selectFrom('exchange_entries')
      .selectAll()
      .where('id', '=', entryId)
      .where('list_id', '=', listId)
      .executeTakeFirst();
    if (!list || !entry) throw notFound('exchange entry', entryId);
    if (Number(entry.version) !== input.expectedVersion)
      throw new DomainError(
        'VERSION_CONFLICT',
        `entry ${entryId} has changed since version ${input.expectedVersion}`,
        { details: { currentVersion: Number(entry.version) } },
      );
    if (!ENTRY_TRANSITIONS[entry.status as EntryStatus].includes(input.to))
      throw new DomainError('STATE_INVALID', `an entry cannot go from ${entry.status} to ${input.to}`);
    const personId = input.personId ?? entry.person_id;
    if ((input.to === 'verified' || input.to === 'agreed' || input.to === 'completed') && !personId)
      throw new DomainError('STATE_INVALID', 'link the entry to a registry person first (personId)');
    let eventId: string | null = entry.event_id;
    if (input.to === 'completed') {
      const person = await findPerson(u.trx, personId!);
      if (!person) throw notFound('person', personId!);
      const target = person.mergedInto ?? person.id;
      const day = (input.date ?? u.now.slice(0, 10)).split('-').map(Number) as [number, number, number];
      const [event] = makeEvents(
        ctx,
        u,
        actor,
        asId(target),
        [
          {
            kind: COMPLETION_EVENT[list.kind] ?? 'released',
            date: { year: day[0], month: day[1], day: day[2] },
            details: `${list.kind} list ${list.name}`,
            confidence: 'confirmed',
          },
        ],
        { sourceId: asId<SourceId>(list.source_id) },
      );
      await insertFacts(u, [], [event!]);
      await u.trx
        .updateTable('persons')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: u.now }))
        .where('id', '=', target)
        .execute();
      await reindexPerson(u.trx, ctx.keyer, asId(target));
      eventId = event!.id;
      u.audit(actor, 'event.add', 'person', target, {
        event: eventId,
        kind: event!.kind,
        source: list.source_id,
      });
    }
    await u.trx
      .updateTable('exchange_entries')
      .set({
        status: input.to,
        person_id: personId,
        event_id: eventId,
        version: Number(entry.version) + 1,
        updated_at: u.now,
      })
      .where('id', '=', entryId)
      .execute();
    await u.trx
      .insertInto('exchange_entry_steps')
      .values({
        id: ctx.ids.next(),
        entry_id: entryId,
        from_status: entry.status,
        to_status: input.to,
        note: input.note ?? null,
        recorded_at: u.now,
        recorded_by: actor.userId,
      })
      .execute();
    u.audit(actor, 'exchange.transition', 'exchange_list', listId, {
      entry: entryId,
      from: entry.status,
      to: input.to,
    });
    return { id: entryId, status: input.to, eventId, version: Number(entry.version) + 1 };
  });
}
