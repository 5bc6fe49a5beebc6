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
  MAX_ENTRIES_PER_ADD,
  asId,
  currentStatus,
  findingText,
  notFound,
  parseInput,
  personView,
  type Actor,
  type EntryStatus,
  type EventKind,
  type PersonId,
  type PersonView,
  type SourceId,
  type VerificationFinding,
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
  const findings: VerificationFinding[] = [];
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
      if ((view.fields[f]?.conflicts.length ?? 0) > 0) findings.push({ code: 'conflict', field: f });
    if (status.state === 'released') findings.push({ code: 'already_released' });
    if (status.state === 'dead') findings.push({ code: 'reported_dead' });
    if (status.state === 'unknown' || status.state === 'missing') findings.push({ code: 'not_in_custody' });
  } else findings.push({ code: identity.candidates.length ? 'identity_uncertain' : 'not_found' });
  return {
    personId,
    verification: {
      identity,
      status,
      findings,
      problems: findings.map(findingText),
      checkedAt: u.now,
    },
  };
}

/** Registry persons (survivors of merges, in id order) whose claims or events cite a source. */
async function personsCiting(u: Unit, sourceId: string): Promise<string[]> {
  const cited = await u.trx
    .selectFrom('claims')
    .select('person_id')
    .where('source_id', '=', sourceId)
    .union(u.trx.selectFrom('status_events').select('person_id').where('source_id', '=', sourceId))
    .execute();
  const ids = new Set(cited.map((r) => r.person_id));
  // Follow merges to the record that stands for the person now.
  let frontier = [...ids];
  const survivor = new Map<string, string>();
  while (frontier.length > 0) {
    const rows: { id: string; merged_into: string | null }[] = [];
    for (let i = 0; i < frontier.length; i += 500)
      rows.push(
        ...(await u.trx
          .selectFrom('persons')
          .select(['id', 'merged_into'])
          .where('id', 'in', frontier.slice(i, i + 500))
          .execute()),
      );
    frontier = [];
    for (const r of rows)
      if (r.merged_into) {
        survivor.set(r.id, r.merged_into);
        if (!survivor.has(r.merged_into)) frontier.push(r.merged_into);
      }
  }
  const resolve = (id: string) => {
    let at = id;
    for (let hops = 0; survivor.has(at) && hops < 100; hops++) at = survivor.get(at)!;
    return at;
  };
  return [...new Set([...ids].map(resolve))].sort();
}

/**
 * Use case: add entries to a list: registry persons by id, every person an imported list (a source)
 * cites, and entries as the counterpart's list wrote them. A person already on the list is not added
 * again. Each new entry starts as proposed, recorded as its first step.
 */
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
    let fromSource: string[] = [];
    if (input.sourceId) {
      const source = await u.trx
        .selectFrom('sources')
        .select('id')
        .where('id', '=', input.sourceId)
        .executeTakeFirst();
      if (!source)
        throw new DomainError('VALIDATION_FAILED', `sourceId: source ${input.sourceId} does not exist`, {
          issues: [{ path: 'sourceId', message: 'source does not exist' }],
        });
      fromSource = await personsCiting(u, input.sourceId);
    }
    const listed = new Set(
      (
        await u.trx
          .selectFrom('exchange_entries')
          .select('person_id')
          .where('list_id', '=', listId)
          .where('person_id', 'is not', null)
          .execute()
      ).map((r) => r.person_id!),
    );
    const newPersons: string[] = [];
    let alreadyListed = 0;
    for (const id of [...input.personIds, ...fromSource]) {
      if (listed.has(id)) alreadyListed++;
      else {
        listed.add(id);
        newPersons.push(id);
      }
    }
    if (newPersons.length + input.submitted.length > MAX_ENTRIES_PER_ADD)
      throw new DomainError(
        'VALIDATION_FAILED',
        `sourceId: more than ${MAX_ENTRIES_PER_ADD} entries in one request`,
        {
          issues: [{ path: 'sourceId', code: 'too_big', message: `at most ${MAX_ENTRIES_PER_ADD} entries` }],
        },
      );
    const last = await u.trx
      .selectFrom('exchange_entries')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('list_id', '=', listId)
      .executeTakeFirst();
    let position = Number(last?.p ?? 0);
    const rows: DB['exchange_entries'][] = [
      ...newPersons.map((personId) => ({ personId, submitted: null as Submitted | null })),
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
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await u.trx.insertInto('exchange_entries').values(chunk).execute();
      await u.trx
        .insertInto('exchange_entry_steps')
        .values(
          chunk.map((r) => ({
            id: ctx.ids.next(),
            entry_id: r.id,
            from_status: null,
            to_status: 'proposed',
            note: null,
            recorded_at: u.now,
            recorded_by: actor.userId,
          })),
        )
        .execute();
    }
    u.audit(actor, 'exchange.add_entries', 'exchange_list', listId, {
      entries: rows.length,
      alreadyListed,
      ...(input.sourceId && { source: input.sourceId }),
    });
    return { added: rows.length, alreadyListed };
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

/** A verification as stored (older ones carry `problems` only, no `findings`). */
interface StoredVerification {
  identity?: { probability: number; candidates: { personId: string; probability: number }[] };
  status?: { placeId: string | null; placeText: string | null } | null;
}

/** The name a list shows: family name, given name, patronymic; else the name in the original script. */
function nameOf(view: PersonView): string | null {
  const text = (f: 'family_name' | 'given_name' | 'patronymic' | 'name_original') => {
    const v = view.fields[f]?.best.value;
    return typeof v === 'string' ? v : undefined;
  };
  const parts = [text('family_name'), text('given_name'), text('patronymic')].filter(Boolean);
  return parts.length ? parts.join(' ') : (text('name_original') ?? null);
}

/**
 * Use case: a list with its entries: each entry's verification, the names of the registry persons
 * it names or may name (normal fields only), where the registry places the person, and its steps.
 */
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
    const steps = await u.trx
      .selectFrom('exchange_entry_steps')
      .innerJoin('exchange_entries', 'exchange_entries.id', 'exchange_entry_steps.entry_id')
      .select([
        'exchange_entry_steps.entry_id',
        'exchange_entry_steps.from_status',
        'exchange_entry_steps.to_status',
        'exchange_entry_steps.note',
        'exchange_entry_steps.recorded_at',
        'exchange_entry_steps.recorded_by',
      ])
      .where('exchange_entries.list_id', '=', listId)
      .orderBy('exchange_entry_steps.recorded_at')
      .orderBy('exchange_entry_steps.id')
      .execute();
    const stepsOf = new Map<string, typeof steps>();
    for (const st of steps) stepsOf.set(st.entry_id, [...(stepsOf.get(st.entry_id) ?? []), st]);
    const verifications = new Map(
      entries.map((e) => [
        e.id,
        e.verification ? (JSON.parse(e.verification) as StoredVerification & Record<string, unknown>) : null,
      ]),
    );
    const personIds = new Set<string>();
    const placeIds = new Set<string>();
    for (const e of entries) {
      if (e.person_id) personIds.add(e.person_id);
      const v = verifications.get(e.id);
      for (const c of v?.identity?.candidates ?? []) personIds.add(c.personId);
      if (v?.status?.placeId) placeIds.add(v.status.placeId);
    }
    const claims = await liveClaimsOf(u.trx, [...personIds]);
    const names = new Map<string, string | null>();
    for (const id of personIds)
      names.set(
        id,
        nameOf(
          personView(
            asId(id),
            (claims.get(id) ?? []).filter((c) => c.sensitivity === 'normal'),
            new Set(),
          ),
        ),
      );
    const places = new Map<string, string>();
    const placeList = [...placeIds];
    for (let i = 0; i < placeList.length; i += 500)
      for (const p of await u.trx
        .selectFrom('places')
        .select(['id', 'name'])
        .where('id', 'in', placeList.slice(i, i + 500))
        .execute())
        places.set(p.id, p.name);
    const eventIds = entries.map((e) => e.event_id).filter((x): x is string => Boolean(x));
    const events = new Map<string, { kind: string; date: string | null }>();
    for (let i = 0; i < eventIds.length; i += 500)
      for (const ev of await u.trx
        .selectFrom('status_events')
        .select(['id', 'kind', 'date'])
        .where('id', 'in', eventIds.slice(i, i + 500))
        .execute())
        events.set(ev.id, { kind: ev.kind, date: ev.date });
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
        const v = verifications.get(e.id) ?? null;
        const status = v?.status ?? null;
        return {
          id: e.id,
          position: Number(e.position),
          personId: e.person_id,
          name: e.person_id ? (names.get(e.person_id) ?? null) : null,
          submitted: e.submitted ? (JSON.parse(e.submitted) as unknown) : null,
          status: e.status,
          verification: v,
          location: status
            ? (status.placeText ?? (status.placeId ? places.get(status.placeId) : null) ?? null)
            : null,
          candidates: (v?.identity?.candidates ?? []).map((c) => ({
            personId: c.personId,
            probability: c.probability,
            name: names.get(c.personId) ?? null,
          })),
          steps: (stepsOf.get(e.id) ?? []).map((st) => ({
            from: st.from_status,
            to: st.to_status,
            note: st.note,
            at: st.recorded_at,
            by: st.recorded_by,
          })),
          eventId: e.event_id,
          /** The event completion recorded in the person's timeline. */
          event: e.event_id ? (events.get(e.event_id) ?? null) : null,
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
