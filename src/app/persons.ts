/** Person use cases: register, claims, events, read, list. Merges are in merges.ts. */
import {
  AddClaimInput,
  AddEventInput,
  DomainError,
  RegisterPersonInput,
  RetractInput,
  asId,
  currentStatus,
  notFound,
  orderTimeline,
  parseInput,
  personView,
  type Actor,
  type Claim,
  type ClaimId,
  type ClaimInput,
  type EventId,
  type EventInput,
  type Person,
  type PersonId,
  type Reliability,
  type SourceId,
  type StatusEvent,
  type BatchId,
} from '../domain/index.js';
import {
  bumpVersion,
  claimToRow,
  clusterIds,
  eventToRow,
  findPerson,
  loadMerges,
  loadRecord,
  rowToPerson,
} from '../db/repositories/person-repository.js';
import { nextPersonSeqs, type Executor } from '../db/repositories/person-repository.js';
import { insertRows } from '../db/dialects/dialect.js';
import { authorize, readableSensitivities } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { reindexPerson } from './indexing.js';
import { queueDuplicates } from './review.js';
import { rematchEnquiriesFor } from './enquiries.js';

/** Fields whose change may reveal a duplicate. */
const IDENTIFYING = new Set([
  'given_name',
  'family_name',
  'patronymic',
  'name_original',
  'date_of_birth',
  'age',
  'service_number',
  'id_number',
]);

/** Provenance shared by the claims and events of one write. */
export interface Provenance {
  readonly sourceId: SourceId;
  readonly batchId?: BatchId | null;
  /** Identity of the source row (imports), so re-importing it is recognised. */
  readonly rowRef?: string | null;
}

export async function assertSource(db: Executor, sourceId: string, path = 'sourceId'): Promise<Reliability> {
  const s = await db
    .selectFrom('sources')
    .select('reliability')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  if (!s)
    throw new DomainError('VALIDATION_FAILED', `${path}: source ${sourceId} does not exist`, {
      issues: [{ path, message: 'source does not exist' }],
    });
  return s.reliability as Reliability;
}

async function assertPlaces(db: Executor, events: readonly EventInput[]): Promise<void> {
  const wanted = new Map<string, string>();
  events.forEach((e, i) => {
    if (e.placeId) wanted.set(e.placeId, `events.${i}.placeId`);
    if (e.fromPlaceId) wanted.set(e.fromPlaceId, `events.${i}.fromPlaceId`);
  });
  if (wanted.size === 0) return;
  const found = await db
    .selectFrom('places')
    .select('id')
    .where('id', 'in', [...wanted.keys()])
    .execute();
  const have = new Set(found.map((r) => r.id));
  const issues = [...wanted]
    .filter(([id]) => !have.has(id))
    .map(([id, path]) => ({ path, message: `place ${id} does not exist` }));
  if (issues.length)
    throw new DomainError('VALIDATION_FAILED', `${issues[0]!.path}: ${issues[0]!.message}`, { issues });
}

/** Builds claim records for one write (no I/O). */
export function makeClaims(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  personId: PersonId,
  inputs: readonly ClaimInput[],
  prov: Provenance,
): Claim[] {
  return inputs.map((c) => ({
    id: asId<ClaimId>(ctx.ids.next()),
    personId,
    field: c.field,
    value: c.value,
    confidence: c.confidence,
    sensitivity: c.sensitivity,
    sourceId: prov.sourceId,
    batchId: prov.batchId ?? null,
    assertedAt: c.assertedAt,
    recordedAt: u.now,
    recordedBy: actor.userId,
    supersedes: null,
    reason: null,
  }));
}

export function makeEvents(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  personId: PersonId,
  inputs: readonly EventInput[],
  prov: Provenance,
): StatusEvent[] {
  return inputs.map((e) => ({
    id: asId<EventId>(ctx.ids.next()),
    personId,
    kind: e.kind,
    date: e.date ?? null,
    placeId: e.placeId ?? null,
    placeText: e.placeText ?? null,
    fromPlaceId: e.fromPlaceId ?? null,
    severity: e.severity ?? null,
    details: e.details ?? null,
    confidence: e.confidence,
    sourceId: prov.sourceId,
    batchId: prov.batchId ?? null,
    recordedAt: u.now,
    recordedBy: actor.userId,
  }));
}

/**
 * Inserts claims and events in chunks (inside the caller's transaction). `rowRefs`, when given,
 * holds one source-row reference per fact: claims first, then events.
 */
export async function insertFacts(
  u: Unit,
  claims: readonly Claim[],
  events: readonly StatusEvent[],
  rowRef: string | null = null,
  rowRefs?: readonly (string | null)[],
): Promise<void> {
  const ref = (i: number) => (rowRefs ? (rowRefs[i] ?? null) : rowRef);
  await insertRows(
    u.database,
    u.trx,
    'claims',
    claims.map((c, i) => claimToRow(c, ref(i))),
  );
  await insertRows(
    u.database,
    u.trx,
    'status_events',
    events.map((e, i) => eventToRow(e, ref(claims.length + i))),
  );
}

/** Registers a person from a source with initial claims and events, inside an existing unit. */
export async function registerIn(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  input: RegisterPersonInput,
  prov: Provenance,
): Promise<{ person: Person; claims: Claim[]; events: StatusEvent[] }> {
  const id = asId<PersonId>(ctx.ids.next());
  const [seq] = await nextPersonSeqs(u.trx, u.database.dialect, 1);
  await u.trx
    .insertInto('persons')
    .values({ id, seq: seq!, version: 1, merged_into: null, created_at: u.now, updated_at: u.now })
    .execute();
  const claims = makeClaims(ctx, u, actor, id, input.claims, prov);
  const events = makeEvents(ctx, u, actor, id, input.events, prov);
  await insertFacts(u, claims, events, prov.rowRef ?? null);
  await reindexPerson(u.trx, ctx.keyer, id);
  u.audit(actor, 'person.register', 'person', id, {
    source: prov.sourceId,
    claims: claims.length,
    events: events.length,
    batch: prov.batchId ?? null,
  });
  const person: Person = { id, version: 1, mergedInto: null, createdAt: u.now, updatedAt: u.now };
  return { person, claims, events };
}

/** Use case: register a person from a source with initial claims and events. */
export async function registerPerson(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'person.write');
  const input = parseInput(RegisterPersonInput, raw, 'person');
  return inUnit(ctx, async (u) => {
    await assertSource(u.trx, input.sourceId);
    await assertPlaces(u.trx, input.events);
    const { person, claims, events } = await registerIn(ctx, u, actor, input, { sourceId: input.sourceId });
    await queueDuplicates(ctx, u, [person.id]);
    await rematchEnquiriesFor(ctx, u, [person.id]);
    return { person, claimIds: claims.map((c) => c.id), eventIds: events.map((e) => e.id) };
  });
}

/** Loads a person for writing: it must exist and not be merged into another. */
async function writablePerson(u: Unit, id: string): Promise<Person> {
  const person = await findPerson(u.trx, id);
  if (!person) throw notFound('person', id);
  if (person.mergedInto)
    throw new DomainError(
      'STATE_INVALID',
      `person ${id} was merged into ${person.mergedInto}; write to that record`,
      { details: { mergedInto: person.mergedInto } },
    );
  return person;
}

async function bump(u: Unit, person: Person, expected: number | null | undefined): Promise<number> {
  if (!(await bumpVersion(u.trx, person.id, u.now, expected)))
    throw new DomainError(
      'VERSION_CONFLICT',
      `person ${person.id} has changed since version ${expected}; reload and try again`,
      {
        details: { expectedVersion: expected, currentVersion: person.version },
      },
    );
  return person.version + 1;
}

/** Use case: add a claim, optionally superseding an earlier one of the same field. */
export async function addClaim(ctx: AppContext, actor: Actor, personId: string, raw: unknown) {
  authorize(actor, 'person.write');
  const input = parseInput(AddClaimInput, raw, 'claim');
  return inUnit(ctx, async (u) => {
    const person = await writablePerson(u, personId);
    await assertSource(u.trx, input.sourceId);
    if (input.supersedes) {
      const ids = await clusterIds(u.trx, person.id);
      const old = await u.trx
        .selectFrom('claims')
        .select(['id', 'field', 'person_id'])
        .where('id', '=', input.supersedes)
        .executeTakeFirst();
      if (!old || !ids.includes(asId(old.person_id)))
        throw new DomainError(
          'VALIDATION_FAILED',
          `supersedes: claim ${input.supersedes} is not a claim of this person`,
          { issues: [{ path: 'supersedes', message: 'not a claim of this person' }] },
        );
      if (old.field !== input.claim.field)
        throw new DomainError(
          'VALIDATION_FAILED',
          `supersedes: claim ${input.supersedes} is about ${old.field}, not ${input.claim.field}`,
          { issues: [{ path: 'supersedes', message: 'different field' }] },
        );
      const already = await u.trx
        .selectFrom('claims')
        .select('id')
        .where('supersedes', '=', input.supersedes)
        .executeTakeFirst();
      if (already)
        throw new DomainError(
          'VERSION_CONFLICT',
          `claim ${input.supersedes} was already superseded by ${already.id}`,
          { details: { supersededBy: already.id } },
        );
    }
    const version = await bump(u, person, input.expectedVersion);
    const [claim] = makeClaims(ctx, u, actor, person.id, [input.claim], { sourceId: input.sourceId });
    const stored: Claim = { ...claim!, supersedes: input.supersedes ?? null, reason: input.reason ?? null };
    await insertFacts(u, [stored], []);
    await reindexPerson(u.trx, ctx.keyer, person.id);
    if (IDENTIFYING.has(stored.field)) {
      await queueDuplicates(ctx, u, [person.id]);
      await rematchEnquiriesFor(ctx, u, [person.id]);
    }
    u.audit(actor, input.supersedes ? 'claim.supersede' : 'claim.add', 'person', person.id, {
      claim: stored.id,
      field: stored.field,
      source: stored.sourceId,
    });
    return { claimId: stored.id, version };
  });
}

/** Retracting a claim or an event: the fact stays in history but no longer counts. */
async function retractFact(
  ctx: AppContext,
  actor: Actor,
  kind: 'claim' | 'event',
  personId: string,
  factId: string,
  raw: unknown,
) {
  authorize(actor, 'person.write');
  const input = parseInput(RetractInput, raw, 'retraction');
  return inUnit(ctx, async (u) => {
    const person = await writablePerson(u, personId);
    const ids = await clusterIds(u.trx, person.id);
    const fact =
      kind === 'claim'
        ? await u.trx.selectFrom('claims').select('person_id').where('id', '=', factId).executeTakeFirst()
        : await u.trx
            .selectFrom('status_events')
            .select('person_id')
            .where('id', '=', factId)
            .executeTakeFirst();
    if (!fact || !ids.includes(asId(fact.person_id))) throw notFound(kind, factId);
    const done =
      kind === 'claim'
        ? await u.trx
            .selectFrom('claim_retractions')
            .select('claim_id')
            .where('claim_id', '=', factId)
            .executeTakeFirst()
        : await u.trx
            .selectFrom('event_retractions')
            .select('event_id')
            .where('event_id', '=', factId)
            .executeTakeFirst();
    if (done) throw new DomainError('STATE_INVALID', `${kind} ${factId} is already retracted`);
    const version = await bump(u, person, input.expectedVersion);
    const row = { reason: input.reason, recorded_at: u.now, recorded_by: actor.userId };
    if (kind === 'claim')
      await u.trx
        .insertInto('claim_retractions')
        .values({ claim_id: factId, ...row })
        .execute();
    else
      await u.trx
        .insertInto('event_retractions')
        .values({ event_id: factId, ...row })
        .execute();
    await reindexPerson(u.trx, ctx.keyer, person.id);
    u.audit(actor, `${kind}.retract`, 'person', person.id, { [kind]: factId });
    return { version };
  });
}

/** Use case: retract a claim, with a reason. The claim stays in history. */
export function retractClaim(ctx: AppContext, actor: Actor, personId: string, claimId: string, raw: unknown) {
  return retractFact(ctx, actor, 'claim', personId, claimId, raw);
}

/** Use case: add a status event to a person's timeline. */
export async function addEvent(ctx: AppContext, actor: Actor, personId: string, raw: unknown) {
  authorize(actor, 'person.write');
  const input = parseInput(AddEventInput, raw, 'event');
  return inUnit(ctx, async (u) => {
    const person = await writablePerson(u, personId);
    await assertSource(u.trx, input.sourceId);
    await assertPlaces(u.trx, [input.event]);
    const version = await bump(u, person, input.expectedVersion);
    const [event] = makeEvents(ctx, u, actor, person.id, [input.event], { sourceId: input.sourceId });
    await insertFacts(u, [], [event!]);
    await reindexPerson(u.trx, ctx.keyer, person.id);
    u.audit(actor, 'event.add', 'person', person.id, {
      event: event!.id,
      kind: event!.kind,
      source: event!.sourceId,
    });
    return { eventId: event!.id, version };
  });
}

/** Use case: retract a status event, with a reason. */
export function retractEvent(ctx: AppContext, actor: Actor, personId: string, eventId: string, raw: unknown) {
  return retractFact(ctx, actor, 'event', personId, eventId, raw);
}

/** Use case: read a person: the view, claims with provenance, timeline, status and merges. Audited. */
export async function getPerson(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'person.read');
  return inUnit(ctx, async (u) => {
    const row = await u.trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('person', id);
    const person = rowToPerson(row);
    const ids = person.mergedInto ? [person.id] : await clusterIds(u.trx, person.id);
    const [record, merges] = await Promise.all([loadRecord(u.trx, ids), loadMerges(u.trx, ids)]);
    const readable = readableSensitivities(actor);
    const claims = record.claims.filter((c) => readable.has(c.sensitivity));
    const sourceIds = [
      ...new Set([...claims.map((c) => c.sourceId), ...record.events.map((e) => e.sourceId)]),
    ];
    const sources = sourceIds.length
      ? await u.trx
          .selectFrom('sources')
          .select(['id', 'title', 'kind', 'reliability', 'published'])
          .where('id', 'in', sourceIds)
          .execute()
      : [];
    const reliability = new Map(sources.map((s) => [s.id, s.reliability as Reliability]));
    const retractedClaims = new Set<string>(record.claimRetractions.map((r) => r.claimId));
    const retractedEvents = new Set<string>(record.eventRetractions.map((r) => r.eventId));
    u.audit(actor, 'person.read', 'person', person.id, {
      claims: claims.length,
      hidden: record.claims.length - claims.length,
    });
    return {
      person,
      view: personView(person.id, claims, retractedClaims, reliability),
      claims: claims.map((c) => ({
        ...c,
        retraction: record.claimRetractions.find((r) => r.claimId === c.id) ?? null,
      })),
      timeline: orderTimeline(record.events).map((e) => ({
        ...e,
        retraction: record.eventRetractions.find((r) => r.eventId === e.id) ?? null,
      })),
      status: currentStatus(record.events, retractedEvents),
      sources: sources.map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        reliability: s.reliability,
        published: s.published,
      })),
      merges,
      hiddenFields: record.claims.length - claims.length,
    };
  });
}
