/**
 * Use case: find persons across scripts and spellings. One query string ("Ковальчук Андрій 1994",
 * "Kowaltschuk, Andrij 05.03.1994") or structured fields. Candidates come from blocking keys and
 * name-token prefixes (for search as you type), never from a scan; they are ranked by the model.
 */
import { z } from 'zod';
import { FIELD_TYPES, blockingKeys, nameKey, type FieldType, type MatchRecord } from '../matching/index.js';
import {
  claimValueText,
  liveClaims,
  parseInput,
  personView,
  type Actor,
  type Claim,
  type ClaimField,
} from '../domain/index.js';
import { authorize, readableSensitivities } from './authz.js';
import { inUnit, type AppContext } from './context.js';
import { PAIR_HEAD, foldTokens, pairKey } from './indexing.js';
import { candidatesByKeys, loadMatchRecords, scoreRecords } from './registry-matching.js';
import { idsOfSeqs, rowToClaim, type Executor } from '../db/repositories/person-repository.js';
import { sql } from 'kysely';

export const SearchInput = z
  .strictObject({
    q: z.string().trim().max(300).optional(),
    fields: z.partialRecord(z.enum(FIELD_TYPES), z.string().trim().max(300)).optional(),
    ageAsOf: z
      .string()
      .regex(/^\d{4}(-\d{2}-\d{2})?$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    minProbability: z.coerce.number().min(0).max(1).default(0),
  })
  .refine((s) => Boolean(s.q) || Boolean(s.fields && Object.keys(s.fields).length), {
    message: 'give q or fields',
    path: ['q'],
  });

const DATE_PATTERNS = [/\b(\d{4}-\d{2}-\d{2})\b/, /\b(\d{1,2}[./]\d{1,2}[./]\d{4})\b/];

/** Splits a free-text query into a name and, where present, a birth date or year. */
export function queryRecord(q: string): MatchRecord {
  let rest = q;
  const fields: Partial<Record<FieldType, string>> = {};
  for (const p of DATE_PATTERNS) {
    const m = p.exec(rest);
    if (m) {
      fields.date_of_birth = m[1]!;
      rest = rest.replace(m[0], ' ');
      break;
    }
  }
  const year = /\b(19\d{2}|20[0-2]\d)\b/.exec(rest);
  if (year && !fields.date_of_birth) {
    fields.year_of_birth = year[1]!;
    rest = rest.replace(year[0], ' ');
  }
  const name = rest.replace(/\s+/g, ' ').trim();
  if (name) fields.full_name = name;
  return { id: 'query', fields };
}

const SUMMARY: ClaimField[] = [
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'date_of_birth',
  'sex',
  'rank',
  'unit',
  'place_of_birth',
];
/**
 * Persons scored per search: those sharing the most blocking keys with the query, then those whose
 * names start with what was typed. Reading and scoring a candidate is most of a search's cost; at a
 * million persons, 100 found the true person as often as 400 (docs/benchmarks.md). Not below the
 * largest page a search returns.
 */
const CANDIDATE_LIMIT = 100;

/** Rows counted per prefix when choosing which one to read first, at first and when all reach that. */
const PREFIX_COUNT_CAPS = [2000, 50_000];

/** How many key rows start with `prefix`, counted up to `cap`. */
async function prefixRows(db: Executor, prefix: string, cap: number): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('blocking_keys')
        .select(sql`1`.as('one'))
        .where('key', '>=', prefix)
        .where('key', '<', `${prefix}\uffff`)
        .limit(cap)
        .as('p'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One way to read the persons a query asks for: the keys under `driver`, each person checked for `checks`. */
interface Reading {
  readonly driver: string;
  readonly checks: readonly string[];
}

/**
 * The cheapest of several readings of one query, as [driver, ...checks]: the one whose driver has
 * the fewest key rows; or none when some driver has none (every driver is something each person
 * found must have). Counting stops at the fewest rows so far, so a common driver costs no more to
 * count than a rare one; when every driver reaches the first cap, they are counted further.
 */
async function cheapest(db: Executor, readings: readonly Reading[]): Promise<string[]> {
  let best = readings[0]!;
  if (readings.length > 1)
    for (const cap of PREFIX_COUNT_CAPS) {
      let least = cap;
      for (const reading of readings) {
        const rows = await prefixRows(db, reading.driver, least);
        if (rows === 0) return [];
        if (rows < least) {
          best = reading;
          least = rows;
        }
      }
      if (least < cap) break;
    }
  return [best.driver, ...best.checks];
}

/**
 * The prefixes of one query in the order to read them: the rarest first (the others are checked
 * per person it yields), or none when some prefix starts no key at all (nobody has every token).
 */
export async function prefixPlan(db: Executor, prefixes: readonly string[]): Promise<string[]> {
  // Longer prefixes first: they are usually the rarer, which keeps the later counts short.
  const unique = [...new Set(prefixes)].sort((a, b) => b.length - a.length);
  return cheapest(
    db,
    unique.map((driver) => ({ driver, checks: unique.filter((p) => p !== driver) })),
  );
}

/**
 * The same for name keys (`k:` prefixes without the `k:`), where a pair key can also stand for two
 * of them ("k:and|kova" for Andrii and Kova…): its persons are checked for the prefixes it does not
 * settle. A pair is left out when its two keys could be one name of one person ("Ivan Iva"), which
 * no pair key says. Whichever reading has the fewest rows is used: a pair for two common words, one
 * rare word alone ("Siruk" in "Siruk Vi", where "k:sir|vi" holds every Serhii with a Vi…).
 */
export async function namePlan(db: Executor, keys: readonly string[]): Promise<string[]> {
  const unique = [...new Set(keys)].sort((a, b) => b.length - a.length);
  const pairs: Reading[] = [];
  for (const a of unique) {
    if (a.length < PAIR_HEAD) continue;
    const head = a.slice(0, PAIR_HEAD);
    for (const b of unique)
      if (b !== a && !head.startsWith(b) && !b.startsWith(head))
        pairs.push({
          driver: pairKey(a, b),
          checks: unique.filter((k) => k !== b && (k !== a || k.length > PAIR_HEAD)).map((k) => `k:${k}`),
        });
  }
  const singles = unique.map((k) => ({
    driver: `k:${k}`,
    checks: unique.filter((other) => other !== k).map((other) => `k:${other}`),
  }));
  return cheapest(db, [...pairs, ...singles]);
}

/**
 * Up to `limit` persons with a key under the first prefix and under each of the others. The first
 * prefix's keys are read in key order, a page at a time, so that the database reads its range and
 * stops: asked for DISTINCT persons with a small LIMIT, PostgreSQL without fresh statistics walked
 * the whole (person, key) index in person order instead.
 */
async function personsUnder(db: Executor, prefixes: readonly string[], limit: number): Promise<string[]> {
  const out = new Set<number>();
  let after: { key: string; seq: number } | null = null;
  while (out.size < limit) {
    // A person has several keys under a short prefix ("k:kov": its name and its pair keys).
    const page = Math.max(32, 4 * (limit - out.size));
    let q = db
      .selectFrom('blocking_keys as k0')
      .select(['k0.key', 'k0.person_seq'])
      .where('k0.key', '>=', prefixes[0]!)
      .where('k0.key', '<', `${prefixes[0]!}\uffff`);
    if (after) {
      const from = after;
      q = q.where((eb) => eb(eb.refTuple('k0.key', 'k0.person_seq'), '>', eb.tuple(from.key, from.seq)));
    }
    for (const p of prefixes.slice(1))
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_keys')
            .select(sql`1`.as('one'))
            .whereRef('person_keys.person_seq', '=', 'k0.person_seq')
            .where('person_keys.key', '>=', p)
            .where('person_keys.key', '<', `${p}\uffff`),
        ),
      );
    const rows = await q.orderBy('k0.key').orderBy('k0.person_seq').limit(page).execute();
    for (const r of rows) if (out.size < limit) out.add(Number(r.person_seq));
    if (rows.length < page) break;
    const last = rows[rows.length - 1]!;
    after = { key: last.key, seq: Number(last.person_seq) };
  }
  const ids = await idsOfSeqs(db, [...out]);
  return [...out].flatMap((seq) => ids.get(seq) ?? []);
}

/** Persons whose name tokens start with every token typed so far (the last one may be partial). */
export async function prefixCandidates(db: Executor, text: string, limit: number): Promise<string[]> {
  const tokens = foldTokens(text)
    .filter((t) => !/^\d+$/.test(t))
    .slice(0, 4);
  if (tokens.length === 0) return [];
  const out = new Set<string>();
  // Same script as typed ("t:"), then across scripts and spellings by name key ("k:").
  // A partial token may end in half a digraph ("Kovalch"): its key is also tried without the last two
  // letters. So are whole words, which finds other endings of a name ("Svitlanka", "Yevgeny").
  // Of two words or more, the name keys find whatever the words as typed do (they are what the
  // pair keys are made of): "t:" is read for one word only.
  const trimmed = (t: string) => (t.length > 5 ? t.slice(0, -2) : t);
  const variants = [
    ...(tokens.length === 1 ? [tokens.map((t) => `t:${t}`)] : []),
    tokens.map((t) => `k:${nameKey(t)}`),
    tokens.map((t) => `k:${nameKey(trimmed(t))}`),
  ];
  const tried = new Set<string>();
  for (const variant of variants) {
    if (out.size >= limit || variant.some((p) => p.length < 3)) continue;
    const signature = [...new Set(variant)].sort().join('\u0000');
    if (tried.has(signature)) continue;
    tried.add(signature);
    // Reading a pair key's few rows, or the rarest prefix's, and checking the rest per person costs a
    // few rows; reading a common prefix ("k:v" of an initial, a frequent given name) tens of thousands.
    const prefixes = variant[0]!.startsWith('k:')
      ? await namePlan(
          db,
          variant.map((p) => p.slice(2)),
        )
      : await prefixPlan(db, variant);
    if (prefixes.length === 0) continue;
    for (const id of await personsUnder(db, prefixes, limit - out.size)) out.add(id);
  }
  return [...out];
}

/** The live claims of the summary fields of the persons shown (their other claims and events are not read). */
async function summaryClaims(db: Executor, ids: readonly string[]): Promise<Map<string, Claim[]>> {
  const out = new Map<string, Claim[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('claims')
    .selectAll()
    .where('person_id', 'in', ids)
    .where('field', 'in', SUMMARY)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return out;
  const retracted = await db
    .selectFrom('claim_retractions')
    .select('claim_id')
    .where(
      'claim_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  // A claim supersedes only a claim of the same field, so the summary fields alone decide what is live.
  for (const c of liveClaims(rows.map(rowToClaim), new Set(retracted.map((r) => r.claim_id)))) {
    const list = out.get(c.personId);
    if (list) list.push(c);
    else out.set(c.personId, [c]);
  }
  return out;
}

export async function searchPersons(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'match.search');
  authorize(actor, 'person.read');
  const input = parseInput(SearchInput, raw, 'search');
  const query: MatchRecord = input.fields
    ? { id: 'query', fields: input.fields, ...(input.ageAsOf && { age_as_of: input.ageAsOf }) }
    : queryRecord(input.q!);
  return inUnit(ctx, async (u) => {
    const keys = blockingKeys(query, ctx.matcher.model);
    const ids = new Set(await candidatesByKeys(u.trx, keys, CANDIDATE_LIMIT));
    const nameText =
      query.fields.full_name ?? [query.fields.given_name, query.fields.family_name].filter(Boolean).join(' ');
    if (ids.size < CANDIDATE_LIMIT && nameText)
      for (const id of await prefixCandidates(u.trx, nameText, CANDIDATE_LIMIT - ids.size)) ids.add(id);
    const records = await loadMatchRecords(u.trx, [...ids]);
    const scored = scoreRecords(ctx.matcher, query, records)
      .filter((s) => s.probability >= input.minProbability)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, input.limit);
    const readable = readableSensitivities(actor);
    const states = scored.length
      ? await u.trx
          .selectFrom('person_status')
          .select(['person_id', 'state', 'place_id'])
          .where(
            'person_id',
            'in',
            scored.map((s) => s.id),
          )
          .execute()
      : [];
    const stateOf = new Map(states.map((s) => [s.person_id, s]));
    const claims = await summaryClaims(
      u.trx,
      scored.map((s) => s.id),
    );
    const items = scored.map((s) => {
      const view = personView(
        s.id as never,
        (claims.get(s.id) ?? []).filter((c) => readable.has(c.sensitivity) && SUMMARY.includes(c.field)),
        new Set(),
      );
      const fields: Partial<Record<ClaimField, string>> = {};
      for (const [f, fv] of Object.entries(view.fields))
        fields[f as ClaimField] = claimValueText(f as ClaimField, fv.best.value);
      return {
        id: s.id,
        fields,
        state: stateOf.get(s.id)?.state ?? 'unknown',
        placeId: stateOf.get(s.id)?.place_id ?? null,
        probability: s.probability,
        weight: s.weight,
        explanation: s.explanation,
      };
    });
    u.audit(actor, 'person.search', 'person', null, {
      candidates: ids.size,
      returned: items.length,
      ids: items.map((i) => i.id),
    });
    return { items, candidates: ids.size, modelVersion: ctx.matcher.model.version };
  });
}
