/**
 * Reports in the registry: a news report or official statement is stored with its extraction and
 * becomes a source. Each person mention is a lead matched against the registry; an officer accepts
 * it into claims and events (source = the report, unconfirmed) or dismisses it. Announced figures
 * are reconciled across reports and compared with the registry's own counts for the same window.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  extractReport,
  extractReportFromBytes,
  reconcile,
  type PersonMention,
  type ReportExtraction,
} from '../reports/index.js';
import { blockingKeys, parseName, type MatchRecord } from '../matching/index.js';
import {
  DomainError,
  asId,
  notFound,
  parseInput,
  type Actor,
  type EventInput,
  type EventKind,
  type ClaimInput,
  type SourceId,
} from '../domain/index.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext } from './context.js';
import { candidatesByKeys, loadMatchRecords, scoreRecords } from './registry-matching.js';
import { fetchReportUrl } from './fetch-url.js';
import { personSummaries } from './person-summaries.js';
import { insertFacts, makeClaims, makeEvents, registerIn } from './persons.js';
import { reindexPerson } from './indexing.js';
import { findPerson } from '../db/repositories/person-repository.js';
import { sql } from 'kysely';

export const SubmitReportInput = z
  .strictObject({
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    url: z.string().max(2000).optional(),
    title: z.string().trim().max(500).optional(),
    publisher: z.string().trim().max(300).optional(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .optional(),
    language: z.string().max(20).optional(),
    reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).default('F'),
  })
  .refine((r) => [r.text, r.html, r.url].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of text, html or url',
    path: ['text'],
  });

/** A mention as a match record: the name, and the age as of the publication date. */
function mentionRecord(m: PersonMention, published: string | null, id: string): MatchRecord {
  const fields: MatchRecord['fields'] = { full_name: m.name };
  if (m.age != null) fields.age = String(m.age);
  if (m.rank) fields.rank = m.rank;
  if (m.unit) fields.unit = m.unit;
  return m.age != null && published ? { id, fields, age_as_of: published } : { id, fields };
}

/** Use case: submit a report (text, HTML or URL); extraction runs, leads are matched. Idempotent by content. */
export async function submitReport(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'report.write');
  const input = parseInput(SubmitReportInput, raw, 'report');
  const meta = {
    ...(input.published && { published: input.published }),
    ...(input.publisher && { publisher: input.publisher }),
    ...(input.language && { language: input.language }),
  };
  let extraction: ReportExtraction;
  let content: string;
  if (input.url) {
    const page = await fetchReportUrl(input.url);
    content = page.body.toString('utf8');
    extraction = extractReportFromBytes(page.body, { ...meta, file: page.url });
  } else {
    content = input.html ?? input.text ?? '';
    extraction = extractReport({
      ...meta,
      ...(input.html !== undefined ? { html: input.html } : { text: input.text ?? '' }),
    });
  }
  const sha = createHash('sha256').update(content).digest('hex');
  return inUnit(ctx, async (u) => {
    const existing = await u.trx
      .selectFrom('reports')
      .select('id')
      .where('content_sha256', '=', sha)
      .executeTakeFirst();
    if (existing)
      return {
        id: existing.id,
        duplicate: true,
        figures: extraction.figures.length,
        leads: 0,
        reason: extraction.reason,
      };
    const sourceId = ctx.ids.next();
    const title = input.title ?? extraction.title ?? `Report ${extraction.published ?? u.now.slice(0, 10)}`;
    await u.trx
      .insertInto('sources')
      .values({
        id: sourceId,
        kind: 'report',
        title,
        publisher: input.publisher ?? extraction.publisher ?? null,
        published: extraction.published ?? null,
        language: input.language ?? extraction.language ?? null,
        reliability: input.reliability,
        url: input.url ?? null,
        notes: null,
        created_at: u.now,
        created_by: actor.userId,
        version: 1,
      })
      .execute();
    const id = ctx.ids.next();
    await u.trx
      .insertInto('reports')
      .values({
        id,
        source_id: sourceId,
        title,
        published: extraction.published,
        publisher: input.publisher ?? extraction.publisher ?? null,
        language: extraction.language,
        url: input.url ?? null,
        content_sha256: sha,
        extraction: JSON.stringify(extraction),
        created_at: u.now,
        created_by: actor.userId,
      })
      .execute();
    let index = 0;
    for (const m of extraction.persons) {
      const record = mentionRecord(m, extraction.published, `${id}:${index}`);
      const ids = await candidatesByKeys(u.trx, blockingKeys(record, ctx.matcher.model), 200);
      const scored = scoreRecords(ctx.matcher, record, await loadMatchRecords(u.trx, ids))
        .filter((s) => s.probability >= 0.05)
        .slice(0, 5);
      await u.trx
        .insertInto('report_leads')
        .values({
          id: ctx.ids.next(),
          report_id: id,
          mention_index: index,
          name: m.name,
          candidates: JSON.stringify(
            scored.map((s) => ({
              personId: s.id,
              probability: s.probability,
              weight: s.weight,
              explanation: s.explanation,
            })),
          ),
          status: 'open',
          person_id: null,
          decided_at: null,
          decided_by: null,
          version: 1,
        })
        .execute();
      index++;
    }
    u.audit(actor, 'report.submit', 'report', id, {
      figures: extraction.figures.length,
      mentions: extraction.persons.length,
    });
    return {
      id,
      duplicate: false,
      figures: extraction.figures.length,
      leads: extraction.persons.length,
      reason: extraction.reason,
    };
  });
}

export async function listReports(ctx: AppContext, actor: Actor) {
  authorize(actor, 'report.read');
  const rows = await ctx.database.db
    .selectFrom('reports')
    .select(['id', 'title', 'published', 'publisher', 'language', 'url', 'created_at', 'extraction'])
    .orderBy('published', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const leads = await ctx.database.db
    .selectFrom('report_leads')
    .select(['report_id', 'status', sql<number>`count(*)`.as('n')])
    .groupBy(['report_id', 'status'])
    .execute();
  return rows.map((r) => {
    const x = JSON.parse(r.extraction) as ReportExtraction;
    return {
      id: r.id,
      title: r.title,
      published: r.published,
      publisher: r.publisher,
      language: r.language,
      url: r.url,
      createdAt: r.created_at,
      figures: x.figures.length,
      persons: x.persons.length,
      reason: x.reason,
      leads: Object.fromEntries(
        leads.filter((l) => l.report_id === r.id).map((l) => [l.status, Number(l.n)]),
      ),
    };
  });
}

/** A registry candidate of a lead as stored at submission (older leads carry no explanation). */
interface StoredCandidate {
  personId: string;
  probability: number;
  weight?: number;
  explanation?: unknown;
}

/**
 * Use case: a report with its extraction and leads; each lead's candidates carry a summary of the
 * registry person (names, birth date, rank, unit) when the actor may read persons. Mentions and
 * candidates name people, so reading it is audited with the persons shown.
 */
export async function getReport(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'report.read');
  return inUnit(ctx, async (u) => {
    const r = await u.trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('report', id);
    const leads = await u.trx
      .selectFrom('report_leads')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('mention_index')
      .execute();
    const candidates = leads.map((l) => JSON.parse(l.candidates) as StoredCandidate[]);
    const summaries = await personSummaries(
      u.trx,
      actor,
      candidates.flat().map((c) => c.personId),
    );
    u.audit(actor, 'report.read', 'report', id, { persons: [...summaries.keys()] });
    return {
      id: r.id,
      sourceId: r.source_id,
      title: r.title,
      published: r.published,
      publisher: r.publisher,
      language: r.language,
      url: r.url,
      createdAt: r.created_at,
      extraction: JSON.parse(r.extraction) as ReportExtraction,
      leads: leads.map((l, i) => ({
        id: l.id,
        mentionIndex: Number(l.mention_index),
        name: l.name,
        candidates: candidates[i]!.map((c) => ({ ...c, fields: summaries.get(c.personId) ?? null })),
        status: l.status,
        personId: l.person_id,
        version: Number(l.version),
      })),
    };
  });
}

const STATUS_EVENT: Record<string, EventKind | null> = {
  surrendered: 'surrendered',
  captured: 'captured',
  evacuated: 'evacuated',
  wounded: 'wounded',
  'seriously wounded': 'wounded',
  killed: 'died',
  dead: 'died',
  detained: 'captured',
  released: 'released',
  exchanged: 'exchanged',
  missing: 'missing',
  transferred: 'transferred',
  hospitalised: 'hospitalised',
  sentenced: 'sentenced',
};

const AcceptInput = z.strictObject({
  personId: z.uuid().nullish(),
  expectedVersion: z.number().int().min(1),
});

/** Use case: accept a lead into claims and events (unconfirmed, source = the report), on a new or an existing person. */
export async function acceptLead(ctx: AppContext, actor: Actor, leadId: string, raw: unknown) {
  authorize(actor, 'report.write');
  authorize(actor, 'person.write');
  const input = parseInput(AcceptInput, raw, 'lead');
  return inUnit(ctx, async (u) => {
    const lead = await u.trx
      .selectFrom('report_leads')
      .selectAll()
      .where('id', '=', leadId)
      .executeTakeFirst();
    if (!lead) throw notFound('lead', leadId);
    if (Number(lead.version) !== input.expectedVersion)
      throw new DomainError(
        'VERSION_CONFLICT',
        `lead ${leadId} has changed since version ${input.expectedVersion}`,
      );
    if (lead.status !== 'open')
      throw new DomainError('STATE_INVALID', `lead ${leadId} is already ${lead.status}`);
    const report = await u.trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', lead.report_id)
      .executeTakeFirstOrThrow();
    const x = JSON.parse(report.extraction) as ReportExtraction;
    const m = x.persons[Number(lead.mention_index)]!;
    const parsed = parseName(m.name);
    const claims: ClaimInput[] = [
      {
        field: 'name_original',
        value: m.name,
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      },
    ];
    if (parsed.family.length)
      claims.push({
        field: 'family_name',
        value: parsed.family.join(' '),
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      });
    if (parsed.given.length)
      claims.push({
        field: 'given_name',
        value: parsed.given.join(' '),
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      });
    if (m.age != null && report.published)
      claims.push({
        field: 'age',
        value: { years: m.age, asOf: report.published },
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      });
    if (m.rank)
      claims.push({
        field: 'rank',
        value: m.rank,
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      });
    if (m.unit)
      claims.push({
        field: 'unit',
        value: m.unit,
        confidence: 'unconfirmed',
        sensitivity: 'normal',
        assertedAt: report.published,
      });
    const events: EventInput[] = [];
    for (const s of m.statuses) {
      const kind = STATUS_EVENT[s.type];
      if (!kind || (kind === 'transferred' && !s.place)) continue;
      const d = s.date ? s.date.split('-').map(Number) : null;
      events.push({
        kind,
        date: d ? { year: d[0]!, month: d[1]!, day: d[2]! } : null,
        placeText: s.place,
        severity: s.type === 'seriously wounded' ? 'serious' : null,
        details: s.hedged ? 'reported with hedging' : null,
        confidence: 'unconfirmed',
      });
    }
    const prov = { sourceId: asId<SourceId>(report.source_id) };
    let personId: string;
    if (input.personId) {
      const person = await findPerson(u.trx, input.personId);
      if (!person)
        throw new DomainError('VALIDATION_FAILED', `personId: person ${input.personId} does not exist`, {
          issues: [{ path: 'personId', message: 'person does not exist' }],
        });
      personId = person.mergedInto ?? person.id;
      await insertFacts(
        u,
        makeClaims(ctx, u, actor, asId(personId), claims, prov),
        makeEvents(ctx, u, actor, asId(personId), events, prov),
      );
      await u.trx
        .updateTable('persons')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: u.now }))
        .where('id', '=', personId)
        .execute();
      await reindexPerson(u.trx, ctx.keyer, asId(personId));
    } else {
      personId = (await registerIn(ctx, u, actor, { sourceId: prov.sourceId, claims, events }, prov)).person
        .id;
    }
    await u.trx
      .updateTable('report_leads')
      .set({
        status: 'accepted',
        person_id: personId,
        decided_at: u.now,
        decided_by: actor.userId,
        version: Number(lead.version) + 1,
      })
      .where('id', '=', leadId)
      .execute();
    u.audit(actor, 'report.accept_lead', 'person', personId, {
      lead: leadId,
      report: report.id,
      claims: claims.length,
      events: events.length,
    });
    return { leadId, personId, claims: claims.length, events: events.length };
  });
}

const DismissInput = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  expectedVersion: z.number().int().min(1),
});

export async function dismissLead(ctx: AppContext, actor: Actor, leadId: string, raw: unknown) {
  authorize(actor, 'report.write');
  const input = parseInput(DismissInput, raw, 'lead');
  return inUnit(ctx, async (u) => {
    const r = await u.trx
      .updateTable('report_leads')
      .set({
        status: 'dismissed',
        decided_at: u.now,
        decided_by: actor.userId,
        version: input.expectedVersion + 1,
      })
      .where('id', '=', leadId)
      .where('version', '=', input.expectedVersion)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const lead = await u.trx
        .selectFrom('report_leads')
        .select(['status', 'version'])
        .where('id', '=', leadId)
        .executeTakeFirst();
      if (!lead) throw notFound('lead', leadId);
      throw new DomainError(
        lead.status !== 'open' ? 'STATE_INVALID' : 'VERSION_CONFLICT',
        `lead ${leadId} is ${lead.status} at version ${lead.version}`,
      );
    }
    u.audit(actor, 'report.dismiss_lead', 'report', null, { lead: leadId });
    return { leadId, status: 'dismissed' };
  });
}

const FIGURE_EVENTS: Record<string, EventKind[]> = {
  surrendered: ['surrendered', 'captured'],
  captured: ['captured', 'surrendered'],
  detained: ['captured', 'surrendered', 'interned'],
  evacuated: ['evacuated'],
  wounded: ['wounded'],
  'seriously wounded': ['wounded'],
  killed: ['died'],
  dead: ['died'],
  released: ['released', 'exchanged', 'repatriated'],
  exchanged: ['exchanged'],
  missing: ['missing'],
  transferred: ['transferred'],
};

/**
 * Use case: reconciliation across stored reports (sums, consistent and conflicting figures, series,
 * framing) and each figure compared with the registry's own count of persons with a matching event
 * in the same window. Aggregates only: open to analysts.
 */
export async function reconcileReports(ctx: AppContext, actor: Actor, raw: unknown = {}) {
  authorize(actor, 'stats.read');
  const input = parseInput(
    z.strictObject({ ids: z.array(z.uuid()).max(200).optional() }),
    raw,
    'reconciliation',
  );
  let q = ctx.database.db
    .selectFrom('reports')
    .select(['id', 'title', 'publisher', 'published', 'extraction'])
    .orderBy('published')
    .orderBy('created_at');
  if (input.ids?.length) q = q.where('id', 'in', input.ids);
  const rows = await q.limit(200).execute();
  const extractions = rows.map((r) => JSON.parse(r.extraction) as ReportExtraction);
  const together = reconcile(extractions);
  const registry = [];
  for (let i = 0; i < extractions.length; i++) {
    for (let j = 0; j < extractions[i]!.figures.length; j++) {
      const f = extractions[i]!.figures[j]!;
      const kinds = FIGURE_EVENTS[f.category] ?? [];
      let count: number | null = null;
      if (kinds.length && (f.window.from || f.window.to)) {
        let c = ctx.database.db
          .selectFrom('status_events')
          .select(sql<number>`count(distinct person_id)`.as('n'))
          .where('kind', 'in', kinds)
          .where('status_events.id', 'not in', (eb) => eb.selectFrom('event_retractions').select('event_id'));
        if (f.window.from) c = c.where('date_from', '>=', f.window.from);
        if (f.window.to) c = c.where('date_from', '<=', f.window.to);
        count = Number((await c.executeTakeFirstOrThrow()).n);
      }
      registry.push({
        figure: [i, j] as [number, number],
        category: f.category,
        announced: f.count,
        window: f.window,
        registryCount: count,
        difference: count === null ? null : f.count - count,
      });
    }
  }
  return {
    reports: rows.map((r, i) => ({
      id: r.id,
      title: r.title,
      publisher: r.publisher,
      published: r.published,
      figures: extractions[i]!.figures.map((f) => ({
        count: f.count,
        category: f.category,
        population: f.population,
        includedIn: f.includedIn,
        window: f.window,
        attributedTo: f.attributedTo,
        hedged: f.hedged,
      })),
    })),
    reconciliation: together.reconciliation,
    series: together.series,
    framingDifferences: together.framingDifferences,
    registry,
  };
}
