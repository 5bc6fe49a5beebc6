/**
 * Registry benchmark: bulk registration rate, and person-view reads in-process and over HTTP.
 *   npm run bench -- registry [--persons 100000] [--dialect sqlite|postgres] [--reads 2000]
 * PostgreSQL uses WHEREABOUTS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test) in a fresh schema.
 */
import { createApp } from '../src/app/index.js';
import { asId, type UserId } from '../src/domain/index.js';
import { testConfig } from '../src/config/config.js';
import { benchDatabase, options, rssMb, saveResult, summarise, machine } from './lib-stats.js';

const opts = options(process.argv.slice(2));
const N = Number(opts['persons'] ?? 100_000);
const READS = Number(opts['reads'] ?? 2000);
const dialect = (opts['dialect'] ?? 'sqlite') as 'sqlite' | 'postgres';
const officer = {
  userId: asId<UserId>('00000000-0000-7000-8000-000000000001'),
  role: 'tracing_officer' as const,
  via: 'system' as const,
};

const FAMILY = [
  'Kovalenko',
  'Bondarenko',
  'Tkachenko',
  'Kravchenko',
  'Shevchenko',
  'Boyko',
  'Melnyk',
  'Moroz',
  'Lysenko',
  'Savchenko',
  'Rudenko',
  'Marchenko',
];
const GIVEN = [
  'Oleksandr',
  'Andrii',
  'Serhii',
  'Volodymyr',
  'Dmytro',
  'Mykola',
  'Ivan',
  'Yurii',
  'Oleh',
  'Vasyl',
  'Petro',
  'Taras',
];
const UNITS = ['36th Brigade', '12th Regiment', '501st Battalion', '58th Brigade'];
const RANKS = ['Private', 'Sergeant', 'Senior Sergeant', 'Lieutenant', 'Captain', 'Major'];

/** Deterministic synthetic persons with about 10 claims and 3 events each. */
function person(i: number, sourceId: string) {
  const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) % 1_000_003;
  const family = `${FAMILY[r(1) % FAMILY.length]}${r(2) % 50}`;
  const given = GIVEN[r(3) % GIVEN.length]!;
  const year = 1960 + (r(4) % 45);
  return {
    sourceId,
    claims: [
      { field: 'family_name', value: family, confidence: 'probable' },
      { field: 'given_name', value: given, confidence: 'probable' },
      { field: 'patronymic', value: `${GIVEN[r(5) % GIVEN.length]}ovych` },
      { field: 'name_original', value: `${family.toUpperCase()} ${given}` },
      { field: 'sex', value: 'male' },
      { field: 'date_of_birth', value: { year, month: 1 + (r(6) % 12), day: 1 + (r(7) % 28) } },
      { field: 'place_of_birth', value: `Town ${r(8) % 400}` },
      { field: 'rank', value: RANKS[r(9) % RANKS.length] },
      { field: 'unit', value: UNITS[r(10) % UNITS.length] },
      { field: 'service_number', value: `SN${String(r(11)).padStart(7, '0')}` },
    ],
    events: [
      { kind: 'captured', date: { year: 2022, month: 5, day: 1 + (r(12) % 20) }, placeText: 'Plant' },
      { kind: 'interned', date: { year: 2022, month: 5, day: 21 + (r(13) % 5) }, placeText: 'Colony' },
      { kind: r(14) % 3 === 0 ? 'exchanged' : 'visited', date: { year: 2022, month: 9 } },
    ],
  };
}

async function main(): Promise<void> {
  const { database, dispose } = await benchDatabase(dialect);
  try {
    const app = createApp({ database });
    const src = await app.sources.create(officer, { kind: 'list', title: 'Bench list', reliability: 'B' });
    const t0 = performance.now();
    const BATCH = 1000;
    const ids: string[] = [];
    for (let i = 0; i < N; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => person(i + j, src.id));
      const r = await app.persons.registerBatch(officer, src.id, batch);
      ids.push(...r.ids);
      if ((i / BATCH) % 20 === 0) process.stderr.write(`\rregistered ${i + batch.length}/${N}`);
    }
    const registerSeconds = (performance.now() - t0) / 1000;
    process.stderr.write('\n');
    const pick = (k: number) => ids[(k * 7919) % ids.length]!;
    for (let k = 0; k < 50; k++) await app.persons.get(officer, pick(k)); // warm-up
    const inProcess: number[] = [];
    for (let k = 0; k < READS; k++) {
      const s = performance.now();
      await app.persons.get(officer, pick(k + 100));
      inProcess.push(performance.now() - s);
    }
    let http: ReturnType<typeof summarise> | null = null;
    try {
      const { buildServer } = await import('../src/http/build-server.js');
      const server = await buildServer({ app, config: testConfig({ apiRatePerMinute: 1_000_000 }) });
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const admin = await app.auth.addUser(
        { ...officer, role: 'admin' },
        { username: 'bench', displayName: 'Bench', role: 'tracing_officer', password: 'bench-password-123' },
      );
      const { token } = await app.auth.issueToken({ ...officer, role: 'admin' }, admin.id, { name: 'bench' });
      const samples: number[] = [];
      for (let k = 0; k < READS + 50; k++) {
        const s = performance.now();
        const res = await fetch(`${address}/api/persons/${pick(k + 5000)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        if (k >= 50) samples.push(performance.now() - s);
      }
      http = summarise(samples);
      await server.close();
    } catch (e) {
      process.stderr.write(`HTTP part skipped: ${(e as Error).message}\n`);
    }
    const result = {
      dialect,
      persons: N,
      registerSeconds: Math.round(registerSeconds * 10) / 10,
      registerPerSecond: Math.round(N / registerSeconds),
      viewReadInProcessMs: summarise(inProcess),
      viewReadHttpMs: http,
      rssMb: rssMb(),
    };
    const path = saveResult(`registry-${dialect}`, result);
    process.stdout.write(`${machine()}\n${JSON.stringify(result, null, 2)}\nsaved ${path}\n`);
  } finally {
    await dispose();
  }
}

await main();
