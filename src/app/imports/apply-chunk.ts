/**
 * Writing one chunk of prepared rows inside the import's transaction: rows already imported from
 * the source are skipped (unchanged) or superseded (changed); new rows are matched against the
 * registry and linked to a person, queued for review beside a new person, or made new persons.
 */
import {
  asId,
  formatPartialDate,
  type Actor,
  type BatchId,
  type Claim,
  type ClaimInput,
  type EventInput,
  type PersonId,
  type SourceId,
  type StatusEvent,
} from '../../domain/index.js';
import { rowToClaim } from '../../db/repositories/person-repository.js';
import { insertRows } from '../../db/dialects/dialect.js';
import type { AppContext, Unit } from '../context.js';
import { reindexPersons } from '../indexing.js';
import { insertFacts, makeClaims, makeEvents, type Provenance } from '../persons.js';
import { resolvePlaceName } from '../places.js';
import type { ScoredPerson } from '../registry-matching.js';
import { encodeMatchRecords } from '../match-records.js';
import type { WrittenPerson } from './candidate-records.js';
import { insertPersons, numberPersons, refreshPersons, type Numbered } from './insert-persons.js';
import { matchChunk, type MatchedRow, type Scored } from './match-rows.js';
import type { StagedKeys } from './staged-keys.js';
import type { ImportReport, PreparedRow } from './types.js';
import type { CountedPrep } from './row-prep.js';
import type { RowPreparer } from './row-preparer.js';
import type { RowKeys } from './candidate-finder.js';

/** What every chunk of one import shares. */
export interface ImportScope {
  readonly ctx: AppContext;
  readonly u: Unit;
  readonly actor: Actor;
  readonly sourceId: SourceId;
  readonly batchId: BatchId;
  readonly report: ImportReport;
  /** Place text → gazetteer id (null: none or several), cached for the import. */
  readonly places: Map<string, string | null>;
  /** The key rows the import gives persons, and the persons it lists as it writes them. */
  readonly keys: StagedKeys;
}

interface Known {
  readonly hash: string;
  readonly personId: string;
}

const SLICE = 500;

/**
 * A chunk on its way: its rows, those the source gave in an earlier import (by row reference),
 * and the preparation of the others for matching, which may still be running on a worker.
 */
export interface StagedChunk {
  readonly rows: readonly PreparedRow[];
  readonly known: ReadonlyMap<string, Known>;
  readonly prep: Promise<CountedPrep>;
}

/**
 * Finds which rows of a chunk the source gave before and starts preparing the others. Rows in a
 * chunk have distinct row references (the caller flushes on a repeat), and none of them may be
 * in a chunk staged but not applied yet (its rows are not recorded yet).
 */
export async function stageChunk(
  scope: ImportScope,
  rows: readonly PreparedRow[],
  preparer: RowPreparer,
): Promise<StagedChunk> {
  const known = await knownRows(
    scope,
    rows.map((r) => r.rowRef),
  );
  const prep = preparer.prepare(rows.filter((r) => !known.has(r.rowRef)).map((r) => r.claims));
  // Awaited when the chunk is applied; a chunk left unapplied (an earlier one failed) must not
  // leave its rejection unhandled.
  prep.catch(() => undefined);
  return { rows, known, prep };
}

/**
 * Applies a staged chunk, and tells the preparer which persons it listed (RowPreparer.applied):
 * as soon as they are all listed, so that the next chunk's candidates are counted while this one
 * is written; then their new match records (RowPreparer.written), as soon as those are all
 * written, so that the next chunk is scored while the rest of this one is written. New persons'
 * records are known before they are written: when no row of the chunk links to a person the chunk
 * creates, or changes an earlier row, the links are written first and the new persons after the
 * records are given.
 */
export async function applyChunk(
  scope: ImportScope,
  chunk: StagedChunk,
  preparer: RowPreparer,
): Promise<void> {
  const { report } = scope;
  const { known } = chunk;
  const resolved = await Promise.all(chunk.rows.map((r) => withPlaces(scope, r)));
  const fresh: PreparedRow[] = [];
  const changed: { row: PreparedRow; personId: string }[] = [];
  for (const r of resolved) {
    const k = known.get(r.rowRef);
    if (!k) fresh.push(r);
    else if (k.hash === r.hash) report.unchanged++;
    else changed.push({ row: r, personId: k.personId });
  }
  const matched = matchChunk(await chunk.prep);
  const { links, news, linksToNew } = decide(scope, fresh, matched);
  const numbered = await numberPersons(scope.ctx, scope.u, news.length);
  // Rows that describe again a person an earlier row of this chunk created.
  for (const { row, keys, newIndex } of linksToNew)
    links.push({ row, personId: numbered.ids[newIndex]!, seq: numbered.seqs[newIndex]!, keys });
  // Listed before anything is written: new persons, then persons gaining facts (the order ranks
  // candidates). Persons of changed rows are listed once re-indexed, below.
  await scope.keys.list(
    news.map(({ keys }, i) => ({ personId: numbered.ids[i]!, seq: numbered.seqs[i]!, keys })),
  );
  const linkedKeys = await scope.keys.list(links);
  const listed = () => preparer.applied(scope.keys.takeListed());
  if (changed.length === 0) listed();
  // A new person's record is its row's, which the side that scored the chunk has prepared.
  const written: WrittenPerson[] = news.map(({ keys }, i) => ({
    seq: numbered.seqs[i]!,
    id: numbered.ids[i]!,
    row: keys.row,
  }));
  const newsFirst = linksToNew.length > 0 || changed.length > 0;
  let created = newsFirst ? await createPersons(scope, news, numbered) : [];
  await linkRows(scope, links);
  await supersedeRows(scope, changed);
  const seqOf = new Map(links.map((l, i) => [l.personId, linkedKeys[i]!.seq]));
  const refreshed = await refreshPersons(
    scope.u,
    links.map((l) => l.personId),
    linkedKeys,
    scope.keys,
  );
  for (const [id, records] of refreshed)
    written.push({ seq: seqOf.get(id)!, id, stored: encodeMatchRecords(records) });
  const touched = await touch(
    scope,
    changed.map((c) => c.personId),
  );
  if (changed.length > 0) listed();
  written.push(...touched);
  preparer.written(written);
  if (!newsFirst) created = await createPersons(scope, news, numbered);
  await recordRows(scope, [...created, ...links], changed);
  report.created += created.length;
  report.linked += links.length;
  report.updated += changed.length;
}

/** Gazetteer ids for event places named exactly once in the gazetteer. */
async function withPlaces(scope: ImportScope, row: PreparedRow): Promise<PreparedRow> {
  if (!row.events.some((e) => e.placeText)) return row;
  const events: EventInput[] = [];
  for (const e of row.events) {
    if (!e.placeText) {
      events.push(e);
      continue;
    }
    let id = scope.places.get(e.placeText);
    if (id === undefined) {
      const found = await resolvePlaceName(scope.u.trx, e.placeText);
      id = found.length === 1 ? found[0]!.id : null;
      scope.places.set(e.placeText, id);
    }
    events.push(id ? { ...e, placeId: asId(id) } : e);
  }
  return { ...row, events };
}

async function knownRows(scope: ImportScope, refs: readonly string[]): Promise<Map<string, Known>> {
  const out = new Map<string, Known>();
  for (let i = 0; i < refs.length; i += SLICE) {
    const rows = await scope.u.trx
      .selectFrom('import_rows')
      .select(['row_ref', 'content_hash', 'person_id'])
      .where('source_id', '=', scope.sourceId)
      .where('row_ref', 'in', refs.slice(i, i + SLICE))
      .execute();
    for (const r of rows) out.set(r.row_ref, { hash: r.content_hash, personId: r.person_id });
  }
  return out;
}

function prov(scope: ImportScope, rowRef: string): Provenance {
  return { sourceId: scope.sourceId, batchId: scope.batchId, rowRef };
}

/**
 * A person a row may duplicate: in the registry (by id, with its seq when matching gave it), or
 * created by an earlier row of the chunk.
 */
type Target = { readonly personId: string; readonly seq?: number } | { readonly newIndex: number };

/** A row that becomes a new person, with the person it may duplicate (queued for review). */
interface NewRow {
  readonly row: PreparedRow;
  readonly keys: RowKeys;
  /** The row's match record as the new person stores it (encodeMatchRecords). */
  readonly stored: string;
  readonly match: (Pick<ScoredPerson, 'probability' | 'weight' | 'explanation'> & { target: Target }) | null;
}

/** A row adding facts to a person (its seq given when the chunk numbered the person). */
type Link = { row: PreparedRow; personId: string; seq?: number; keys: RowKeys };

/**
 * What becomes of each new row, in file order: linked to the registry person it matches; else linked
 * to whatever an earlier row of the chunk it matches became; else a new person, queued for review
 * beside the registry person (or earlier row) it may be.
 */
function decide(scope: ImportScope, fresh: readonly PreparedRow[], matched: readonly MatchedRow[]) {
  const { match, review } = scope.ctx.matcher.model.thresholds;
  const links: Link[] = [];
  const news: NewRow[] = [];
  const linksToNew: { row: PreparedRow; keys: RowKeys; newIndex: number }[] = [];
  const outcome: Target[] = [];
  fresh.forEach((row, i) => {
    const { keys, stored, best, sibling } = matched[i]!;
    if (best && best.probability >= match) {
      // The seq comes with the match, so listing the link reads no seq back from `persons`.
      links.push({ row, personId: best.id, seq: best.seq, keys });
      outcome.push({ personId: best.id, seq: best.seq });
      return;
    }
    const earlier = sibling ? outcome[sibling.index]! : null;
    if (sibling && earlier && sibling.probability >= match) {
      if ('personId' in earlier) links.push({ row, personId: earlier.personId, seq: earlier.seq, keys });
      else linksToNew.push({ row, keys, newIndex: earlier.newIndex });
      outcome.push(earlier);
      return;
    }
    const why = (m: Scored, target: Target) => ({
      probability: m.probability,
      weight: m.weight,
      explanation: m.explain(),
      target,
    });
    const queued =
      best && best.probability >= review
        ? why(best, { personId: best.id })
        : sibling && earlier && sibling.probability >= review
          ? why(sibling, earlier)
          : null;
    outcome.push({ newIndex: news.length });
    news.push({ row, keys, stored, match: queued });
  });
  return { links, news, linksToNew };
}

async function createPersons(
  scope: ImportScope,
  news: readonly NewRow[],
  numbered: Numbered,
): Promise<{ row: PreparedRow; personId: string }[]> {
  if (news.length === 0) return [];
  const { ctx, u } = scope;
  const { ids } = numbered;
  await insertPersons(
    ctx,
    u,
    scope.actor,
    news.map(({ row, keys, stored }) => ({ row, keys, stored, prov: prov(scope, row.rowRef) })),
    numbered,
    scope.keys,
  );
  const queue = news.flatMap(({ match }, i) => {
    if (!match) return [];
    const other = 'personId' in match.target ? match.target.personId : ids[match.target.newIndex]!;
    if (other === ids[i]) return [];
    const [left, right] = ids[i]! < other ? [ids[i]!, other] : [other, ids[i]!];
    return [
      {
        id: ctx.ids.next(),
        kind: 'person_person',
        left_id: left,
        right_id: right,
        probability: match.probability,
        weight: match.weight,
        explanation: JSON.stringify(match.explanation),
        model_version: ctx.matcher.model.version,
        status: 'open',
        created_at: u.now,
        updated_at: u.now,
      },
    ];
  });
  await insertRows(u.database, u.trx, 'match_candidates', queue);
  scope.report.queued += queue.length;
  return news.map(({ row }, i) => ({ row, personId: ids[i]! }));
}

/** Adds the facts of rows to persons (built in memory, inserted together). */
async function addFacts(
  scope: ImportScope,
  items: readonly { personId: string; rowRef: string; claims: Claim[]; events: StatusEvent[] }[],
): Promise<void> {
  const claims = items.flatMap((i) => i.claims);
  const events = items.flatMap((i) => i.events);
  const refs = [
    ...items.flatMap((i) => i.claims.map(() => i.rowRef)),
    ...items.flatMap((i) => i.events.map(() => i.rowRef)),
  ];
  await insertFacts(scope.u, claims, events, null, refs);
}

async function linkRows(
  scope: ImportScope,
  links: readonly { row: PreparedRow; personId: string }[],
): Promise<void> {
  const { ctx, u, actor } = scope;
  await addFacts(
    scope,
    links.map(({ row, personId }) => {
      const id = asId<PersonId>(personId);
      return {
        personId,
        rowRef: row.rowRef,
        claims: makeClaims(ctx, u, actor, id, row.claims, prov(scope, row.rowRef)),
        events: makeEvents(ctx, u, actor, id, row.events, prov(scope, row.rowRef)),
      };
    }),
  );
}

/** The live claims and the events a source row gave earlier, by row reference. */
async function earlierFacts(scope: ImportScope, refs: readonly string[]) {
  const claims = new Map<string, Claim[]>();
  const events = new Map<string, string[]>();
  for (let i = 0; i < refs.length; i += SLICE) {
    const slice = refs.slice(i, i + SLICE);
    const rows = await scope.u.trx
      .selectFrom('claims')
      .selectAll()
      .where('source_id', '=', scope.sourceId)
      .where('row_ref', 'in', slice)
      .execute();
    const ids = rows.map((r) => r.id);
    const dead = new Set<string>();
    if (ids.length) {
      for (const r of await scope.u.trx
        .selectFrom('claims')
        .select('supersedes')
        .where('supersedes', 'in', ids)
        .execute())
        if (r.supersedes) dead.add(r.supersedes);
      for (const r of await scope.u.trx
        .selectFrom('claim_retractions')
        .select('claim_id')
        .where('claim_id', 'in', ids)
        .execute())
        dead.add(r.claim_id);
    }
    for (const r of rows) {
      if (dead.has(r.id)) continue;
      const list = claims.get(r.row_ref!) ?? [];
      list.push(rowToClaim(r));
      claims.set(r.row_ref!, list);
    }
    const evs = await scope.u.trx
      .selectFrom('status_events')
      .select(['row_ref', 'kind', 'date', 'place_text', 'details'])
      .where('source_id', '=', scope.sourceId)
      .where('row_ref', 'in', slice)
      .execute();
    for (const e of evs) {
      const list = events.get(e.row_ref!) ?? [];
      list.push(eventKey(e.kind, e.date, e.place_text, e.details));
      events.set(e.row_ref!, list);
    }
  }
  return { claims, events };
}

function eventKey(kind: string, date: string | null, place: string | null, details: string | null): string {
  return `${kind}\u0000${date ?? ''}\u0000${place ?? ''}\u0000${details ?? ''}`;
}

/** Changed rows: each new value supersedes the row's earlier claim of that field; new events are added. */
async function supersedeRows(
  scope: ImportScope,
  changed: readonly { row: PreparedRow; personId: string }[],
): Promise<void> {
  if (changed.length === 0) return;
  const { ctx, u, actor } = scope;
  const before = await earlierFacts(
    scope,
    changed.map((c) => c.row.rowRef),
  );
  const survivors = await survivorsOf(
    scope,
    changed.map((c) => c.personId),
  );
  const items = changed.map(({ row, personId }) => {
    const id = asId<PersonId>(survivors.get(personId) ?? personId);
    const old = before.claims.get(row.rowRef) ?? [];
    const p = prov(scope, row.rowRef);
    const claims: Claim[] = [];
    for (const input of row.claims) {
      const value = JSON.stringify(input.value);
      if (old.some((o) => o.field === input.field && JSON.stringify(o.value) === value)) continue;
      const prior = input.field === 'notes' ? undefined : old.find((o) => o.field === input.field);
      const [c] = makeClaims(ctx, u, actor, id, [input as ClaimInput], p);
      claims.push(
        prior ? { ...c!, supersedes: prior.id, reason: 'changed in a later delivery of the source row' } : c!,
      );
    }
    const seen = new Set(before.events.get(row.rowRef) ?? []);
    const fresh = row.events.filter(
      (e) =>
        !seen.has(
          eventKey(e.kind, e.date ? formatPartialDate(e.date) : null, e.placeText ?? null, e.details ?? null),
        ),
    );
    return { personId: id, rowRef: row.rowRef, claims, events: makeEvents(ctx, u, actor, id, fresh, p) };
  });
  await addFacts(scope, items);
}

/** Persons merged into others resolve to their survivor (writes go to the survivor). */
async function survivorsOf(scope: ImportScope, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let frontier = [...new Set(ids)];
  const start = new Map(frontier.map((id) => [id, id]));
  for (let hop = 0; hop < 8 && frontier.length > 0; hop++) {
    const rows = await scope.u.trx
      .selectFrom('persons')
      .select(['id', 'merged_into'])
      .where('id', 'in', frontier)
      .execute();
    const next: string[] = [];
    for (const r of rows)
      if (r.merged_into) {
        for (const [orig, cur] of start) if (cur === r.id) start.set(orig, r.merged_into);
        next.push(r.merged_into);
      }
    frontier = next;
  }
  for (const [orig, cur] of start) if (orig !== cur) out.set(orig, cur);
  return out;
}

/**
 * Persons whose source rows changed: version bumped, derived rows recomputed in full (values were
 * superseded), keys listed. Returns each person's seq, id and new match records as stored.
 */
async function touch(scope: ImportScope, personIds: readonly string[]): Promise<WrittenPerson[]> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  const survivors = await survivorsOf(scope, ids);
  const live = [...new Set(ids.map((id) => survivors.get(id) ?? id))];
  for (let i = 0; i < live.length; i += SLICE)
    await scope.u.trx
      .updateTable('persons')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: scope.u.now }))
      .where('id', 'in', live.slice(i, i + SLICE))
      .execute();
  const derived = [
    ...(await reindexPersons(
      scope.u.trx,
      scope.ctx.keyer,
      live.map((id) => asId<PersonId>(id)),
    )),
  ];
  const listed = await scope.keys.list(derived.map(([personId, { keys }]) => ({ personId, keys })));
  return derived.map(([id, { records }], i) => ({
    seq: listed[i]!.seq,
    id,
    stored: encodeMatchRecords(records),
  }));
}

async function recordRows(
  scope: ImportScope,
  added: readonly { row: PreparedRow; personId: string }[],
  changed: readonly { row: PreparedRow; personId: string }[],
): Promise<void> {
  const values = added.map(({ row, personId }) => ({
    source_id: scope.sourceId,
    row_ref: row.rowRef,
    content_hash: row.hash,
    person_id: personId,
    batch_id: scope.batchId,
  }));
  await insertRows(scope.u.database, scope.u.trx, 'import_rows', values);
  for (const { row } of changed)
    await scope.u.trx
      .updateTable('import_rows')
      .set({ content_hash: row.hash, batch_id: scope.batchId })
      .where('source_id', '=', scope.sourceId)
      .where('row_ref', '=', row.rowRef)
      .execute();
}
