/**
 * Registry search benchmark: a registry of N generated persons (filled through the bulk path), then
 * a few hundred queries as officers type them, through `app.persons.search` in-process and through
 * `GET /api/search` with an API token. Reports p50/p95 wall and CPU time per query, and the share
 * of queries whose true person ranks first (quality at scale).
 *   npm run bench -- search [--persons 1000000] [--queries 300] [--dialect sqlite|postgres]
 *                           [--db FILE] [--http no]
 * Queries come from the generator: a person's record as one of the source styles writes it
 * (Ukrainian or Russian Cyrillic, ICRC, German, French, Polish, English romanisations, with their
 * typos, initials and Russian forms), as a name, as a name with the birth date, or cut off in the
 * middle of a word as if still being typed.
 * `--db FILE` (SQLite) keeps the filled registry in FILE and reuses it on the next run with the
 * same --persons, so that a change to search can be measured without filling again.
 * PostgreSQL uses WHEREABOUTS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test) in a fresh schema,
 * analysed after the fill.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createApp, type App } from '../src/app/index.js';
import { asId, type Actor, type UserId } from '../src/domain/index.js';
import { testConfig } from '../src/config/config.js';
import { openDatabase, type Database } from '../src/db/dialects/dialect.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { lazyPopulation } from '../src/matching/generate/index.js';
import { benchDatabase, machine, options, rssMb, saveResult, summarise } from './lib-stats.js';
import { fillRegistry, makeQueries, type Kind, type Query } from './lib-population.js';

const opts = options(process.argv.slice(2));
const N = Number(opts['persons'] ?? 1_000_000);
const QUERIES = Number(opts['queries'] ?? 300);
const WARMUP = 20;
const LIMIT = 20;
const SEED = 2022;
const dialect = (opts['dialect'] ?? 'sqlite') as 'sqlite' | 'postgres';
const keepFile = opts['db'];
const withHttp = opts['http'] !== 'no';
const officer: Actor = {
  userId: asId<UserId>('00000000-0000-7000-8000-000000000001'),
  role: 'tracing_officer',
  via: 'system',
};

/** Opens the registry: the kept SQLite file when it holds N persons already, else a fresh database filled now. */
async function openRegistry(): Promise<{
  app: App;
  ids: string[];
  fillSeconds: number | null;
  dispose(): Promise<void>;
}> {
  const population = lazyPopulation({ persons: N, seed: SEED });
  let database: Database;
  let dispose: () => Promise<void>;
  if (keepFile) {
    if (dialect !== 'sqlite') throw new Error('--db keeps a SQLite file only');
    const sidecar = `${keepFile}.ids.json`;
    database = openDatabase(keepFile);
    await migrateToLatest(database);
    dispose = () => database.close();
    if (existsSync(sidecar)) {
      const kept = JSON.parse(readFileSync(sidecar, 'utf8')) as {
        persons: number;
        seed: number;
        ids: string[];
      };
      if (kept.persons !== N || kept.seed !== SEED)
        throw new Error(`${keepFile} holds ${kept.persons} persons of seed ${kept.seed}, not ${N}`);
      process.stderr.write(`reusing ${keepFile} (${N} persons)\n`);
      return { app: createApp({ database }), ids: kept.ids, fillSeconds: null, dispose };
    }
  } else ({ database, dispose } = await benchDatabase(dialect));
  const app = createApp({ database });
  const src = await app.sources.create(officer, { kind: 'list', title: 'Generated list', reliability: 'C' });
  const t0 = performance.now();
  const ids = await fillRegistry(app, officer, src.id, population, N, 2000);
  const fillSeconds = (performance.now() - t0) / 1000;
  // What autovacuum does after a bulk load (the local test server runs without it): without
  // statistics PostgreSQL plans every range of keys as if it held thousands of rows.
  if (database.dialect === 'postgres') await sql`ANALYZE`.execute(database.db);
  if (keepFile) writeFileSync(`${keepFile}.ids.json`, JSON.stringify({ persons: N, seed: SEED, ids }));
  return { app, ids, fillSeconds, dispose };
}

interface Sample {
  readonly q: string;
  readonly kind: Kind;
  readonly wall: number;
  readonly cpu: number;
}

/** Times `run` for every query: wall time and the process's CPU time (all threads). */
async function timed<T>(
  queries: readonly Query[],
  run: (q: Query) => Promise<T>,
  each?: (q: Query, r: T) => void,
) {
  for (const q of queries.slice(0, WARMUP)) await run(q);
  const samples: Sample[] = [];
  for (const q of queries.slice(WARMUP)) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = await run(q);
    const wall = performance.now() - s;
    const used = process.cpuUsage(c);
    samples.push({ q: q.q, kind: q.kind, wall, cpu: (used.user + used.system) / 1000 });
    each?.(q, r);
  }
  return samples;
}

function report(samples: readonly Sample[]) {
  const of = (list: readonly Sample[]) => ({
    wallMs: summarise(list.map((s) => s.wall)),
    cpuMs: summarise(list.map((s) => s.cpu)),
  });
  const byKind: Record<string, ReturnType<typeof of>> = {};
  for (const kind of ['name', 'name+date', 'partial'] as const)
    byKind[kind] = of(samples.filter((s) => s.kind === kind));
  const slowest = [...samples]
    .sort((a, b) => b.wall - a.wall)
    .slice(0, 5)
    .map((s) => `${s.wall.toFixed(1)} ms: ${s.q}`);
  return { all: of(samples), byKind, slowest };
}

async function main(): Promise<void> {
  const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
  const { app, ids, fillSeconds, dispose } = await openRegistry();
  try {
    const queries = makeQueries(lazyPopulation({ persons: N, seed: SEED }), ids, QUERIES + WARMUP);
    const loadBefore = load();
    // Quality: where the true person ranks among the results.
    const ranks: { kind: Kind; rank: number; tied: boolean; candidates: number }[] = [];
    const inProcess = await timed(
      queries,
      (q) => app.persons.search(officer, { q: q.q, limit: LIMIT }),
      (q, r) => {
        const rank = r.items.findIndex((i) => i.id === q.truth);
        // Namesakes the query cannot tell apart score the same: the true person among them is "tied".
        const tied = rank > 0 && r.items[rank]!.weight === r.items[0]!.weight;
        ranks.push({ kind: q.kind, rank, tied, candidates: r.candidates });
      },
    );
    let http: ReturnType<typeof report> | null = null;
    if (withHttp) {
      const { buildServer } = await import('../src/http/build-server.js');
      const server = await buildServer({ app, config: testConfig({ apiRatePerMinute: 1_000_000 }) });
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const admin = { ...officer, role: 'admin' as const };
      const user = await app.auth.addUser(admin, {
        username: `bench-${Date.now()}`,
        displayName: 'Bench',
        role: 'tracing_officer',
        password: 'bench-password-123',
      });
      const { token } = await app.auth.issueToken(admin, user.id, { name: 'bench' });
      http = report(
        await timed(queries, async (q) => {
          const res = await fetch(`${address}/api/search?q=${encodeURIComponent(q.q)}&limit=${LIMIT}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${q.q}`);
        }),
      );
      await server.close();
    }
    const quality: Record<
      string,
      { queries: number; first: number; firstOrTied: number; inResults: number; candidatesMean: number }
    > = {};
    for (const kind of ['name', 'name+date', 'partial', 'all'] as const) {
      const list = ranks.filter((r) => kind === 'all' || r.kind === kind);
      const share = (f: (r: (typeof ranks)[number]) => boolean) =>
        Math.round((1000 * list.filter(f).length) / Math.max(1, list.length)) / 1000;
      quality[kind] = {
        queries: list.length,
        first: share((r) => r.rank === 0),
        firstOrTied: share((r) => r.rank === 0 || r.tied),
        inResults: share((r) => r.rank >= 0),
        candidatesMean: Math.round(list.reduce((a, r) => a + r.candidates, 0) / Math.max(1, list.length)),
      };
    }
    const result = {
      dialect,
      persons: N,
      queries: QUERIES,
      limit: LIMIT,
      fillSeconds: fillSeconds === null ? null : Math.round(fillSeconds),
      loadAverage: { before: loadBefore, after: load() },
      inProcess: report(inProcess),
      http,
      quality,
      rssMb: rssMb(),
      examples: queries.slice(WARMUP, WARMUP + 21).map((q) => `${q.kind}: ${q.q}`),
    };
    const path = saveResult(`search-${dialect}-${N}`, result);
    const f = (s: { p50: number; p95: number }) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms`;
    process.stdout.write(
      `${machine()}\n${JSON.stringify(result, null, 2)}\n` +
        `in-process p50 / p95: wall ${f(result.inProcess.all.wallMs)}, CPU ${f(result.inProcess.all.cpuMs)}\n` +
        (http ? `HTTP p50 / p95: wall ${f(http.all.wallMs)}, CPU ${f(http.all.cpuMs)}\n` : '') +
        ['name', 'name+date', 'partial']
          .map(
            (k) =>
              `${k}: true person first ${quality[k]!.first} (or tied ${quality[k]!.firstOrTied}), in results ${quality[k]!.inResults}\n`,
          )
          .join('') +
        `saved ${path}\n`,
    );
  } finally {
    await dispose();
  }
}

await main();
