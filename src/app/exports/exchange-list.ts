/**
 * Use case: an exchange or release list out as CSV, XLSX, PFIF 1.4 or JSON Lines. One row per entry,
 * in the list's order: the entry's step, how sure the identity is, what verification found, then the
 * registry person's fields (only the sensitivities the caller may read) or, for an entry not linked
 * to the registry, the fields as the counterpart's list wrote them. Audited before the first byte.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  findingText,
  notFound,
  parseInput,
  type Actor,
  type Sensitivity,
  type VerificationFinding,
} from '../../domain/index.js';
import type { DB } from '../../db/schema.js';
import {
  writeCsv,
  writeJsonl,
  writePfif,
  writeXlsx,
  type OutRow,
  type PfifOutRecord,
} from '../../interchange/index.js';
import { authorize, readableSensitivities } from '../authz.js';
import { inUnit, type AppContext } from '../context.js';
import { flatRow, pfifRecords } from './export-rows.js';
import { loadPage, type ExportedPerson } from './person-pages.js';
import { CONTENT_TYPES, EXTENSIONS, loadPlaceNames, type ExportStream } from './run-export.js';
import { EXPORT_FIELDS, EXPORT_FORMATS, type ExportField } from './types.js';

/** The registry fields a list carries when the caller names none (no contact details). */
export const EXCHANGE_EXPORT_FIELDS: readonly ExportField[] = [
  'source_record_id',
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'sex',
  'date_of_birth',
  'place_of_birth',
  'nationality',
  'rank',
  'unit',
  'service_number',
  'state',
  'status',
  'status_date',
  'place',
];

/** Columns every list export starts with, before the registry fields. */
export const ENTRY_COLUMNS = [
  'entry',
  'entry_status',
  'submitted_name',
  'identity_confidence',
  'findings',
  'checked_at',
] as const;

export const ExchangeExportOptions = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  fields: z.array(z.enum(EXPORT_FIELDS)).min(1).max(EXPORT_FIELDS.length).optional(),
  pfifDomain: z
    .string()
    .regex(/^[a-z0-9.-]{1,100}$/i)
    .default('whereabouts.local'),
});
export type ExchangeExportOptions = z.input<typeof ExchangeExportOptions>;

type Entry = DB['exchange_entries'];
type Submitted = Partial<
  Record<
    | 'full_name'
    | 'given_name'
    | 'family_name'
    | 'patronymic'
    | 'date_of_birth'
    | 'service_number'
    | 'rank'
    | 'unit',
    string | null
  >
>;
interface Stored {
  identity?: { probability: number };
  findings?: VerificationFinding[];
  problems?: string[];
  checkedAt?: string;
}

const PAGE = 500;

/** Starts the export of one list; the audit entry is committed before the stream is returned. */
export async function exportExchangeList(
  ctx: AppContext,
  actor: Actor,
  listId: string,
  raw: ExchangeExportOptions,
): Promise<ExportStream> {
  authorize(actor, 'exchange.read');
  authorize(actor, 'export.run');
  authorize(actor, 'person.read');
  const opts = parseInput(ExchangeExportOptions, raw, 'export');
  const readable = readableSensitivities(actor);
  const fields = opts.fields ?? EXCHANGE_EXPORT_FIELDS;
  const { list, entries } = await inUnit(ctx, async (u) => {
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
    u.audit(actor, 'exchange.export', 'exchange_list', listId, {
      format: opts.format,
      fields: opts.format === 'pfif' ? 'pfif' : fields.join(','),
      entries: entries.length,
      sensitivities: [...readable].sort().join(','),
    });
    return { list, entries };
  });
  const placeNames = await loadPlaceNames(ctx);
  const pages = entryPages(ctx, entries, readable);
  const header = [...ENTRY_COLUMNS, ...fields];
  async function* rows(): AsyncGenerator<OutRow> {
    for await (const page of pages) for (const [e, p] of page) yield entryRow(e, p, fields, placeNames);
  }
  async function* records(): AsyncGenerator<PfifOutRecord> {
    for await (const page of pages)
      for (const [e, p] of page)
        if (p) yield* pfifRecords(p, opts.pfifDomain);
        else yield submittedPfif(e, opts.pfifDomain, list.created_at);
  }
  let stream: Readable;
  switch (opts.format) {
    case 'csv':
      stream = writeCsv(rows(), { header, bom: true });
      break;
    case 'xlsx':
      stream = writeXlsx(rows(), { header, sheet: 'entries' });
      break;
    case 'jsonl':
      stream = writeJsonl(rows() as AsyncIterable<object>);
      break;
    case 'pfif':
      stream = writePfif(records());
  }
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return {
    stream,
    format: opts.format,
    contentType: CONTENT_TYPES[opts.format],
    fileName: `${list.kind}-list-${stamp}.${EXTENSIONS[opts.format]}`,
  };
}

/** Entries a page at a time, each with its registry person (the survivor of merges) or null. */
async function* entryPages(
  ctx: AppContext,
  entries: readonly Entry[],
  readable: ReadonlySet<Sensitivity>,
): AsyncGenerator<[Entry, ExportedPerson | null][]> {
  for (let i = 0; i < entries.length; i += PAGE) {
    const page = entries.slice(i, i + PAGE);
    const survivor = await survivors(
      ctx,
      page.map((e) => e.person_id).filter((x): x is string => Boolean(x)),
    );
    const ids = [...new Set(survivor.values())];
    const persons = new Map((ids.length ? await loadPage(ctx, ids, readable) : []).map((p) => [p.id, p]));
    yield page.map((e) => [e, e.person_id ? (persons.get(survivor.get(e.person_id)!) ?? null) : null]);
  }
}

/** Each id's record now: itself, or the record it was merged into (followed to the end). */
async function survivors(ctx: AppContext, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(ids.map((id) => [id, id]));
  let pending = [...new Set(ids)];
  for (let hop = 0; pending.length > 0 && hop < 100; hop++) {
    const rows = await ctx.database.db
      .selectFrom('persons')
      .select(['id', 'merged_into'])
      .where('id', 'in', pending)
      .where('merged_into', 'is not', null)
      .execute();
    const next = new Map(rows.map((r) => [r.id, r.merged_into!]));
    for (const [id, at] of out) if (next.has(at)) out.set(id, next.get(at)!);
    pending = [...new Set(rows.map((r) => r.merged_into!))];
  }
  return out;
}

function submittedOf(e: Entry): Submitted {
  return e.submitted ? (JSON.parse(e.submitted) as Submitted) : {};
}

function submittedName(s: Submitted): string {
  return s.full_name ?? [s.family_name, s.given_name, s.patronymic].filter(Boolean).join(' ');
}

/** One entry as a flat row: the entry's columns, then the person's fields or the submitted ones. */
function entryRow(
  e: Entry,
  p: ExportedPerson | null,
  fields: readonly ExportField[],
  placeNames: ReadonlyMap<string, string>,
): OutRow {
  const v = e.verification ? (JSON.parse(e.verification) as Stored) : null;
  const s = submittedOf(e);
  const head: OutRow = {
    entry: Number(e.position),
    entry_status: e.status,
    submitted_name: submittedName(s),
    identity_confidence: v?.identity ? Math.round(v.identity.probability * 1000) / 1000 : '',
    findings: (v?.findings?.map(findingText) ?? v?.problems ?? []).join('; '),
    checked_at: v?.checkedAt ?? '',
  };
  if (p) return { ...head, ...flatRow(p, fields, placeNames) };
  const rest: Record<string, string> = {};
  for (const f of fields) rest[f] = f in s ? (s[f as keyof Submitted] ?? '') : '';
  return { ...head, ...rest };
}

/** An entry not linked to the registry as a PFIF person, with what the list wrote. */
function submittedPfif(e: Entry, domain: string, listCreatedAt: string): PfifOutRecord {
  const s = submittedOf(e);
  const iso = listCreatedAt.replace(/\.\d{3}Z$/, 'Z');
  return {
    kind: 'person',
    fields: {
      person_record_id: `${domain}/exchange-entry.${e.id}`,
      source_date: iso,
      entry_date: iso,
      full_name: submittedName(s) || undefined,
      given_name: s.given_name ?? undefined,
      family_name: s.family_name ?? undefined,
      ...(s.date_of_birth &&
        /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date_of_birth) && { date_of_birth: s.date_of_birth }),
    },
  };
}
