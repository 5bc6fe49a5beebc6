/**
 * Import benchmark: a generated CSV imported into a registry that already holds persons.
 *   npm run bench -- import [--persons 1000000] [--rows 1000000] [--dialect sqlite|postgres] [--overlap 0.1]
 *                           [--db FILE] [--dry-run] [--enquiries N] [--prepare-on thread|worker]
 * One row in `1/overlap` describes a registry person again (it should link); the others are new.
 * `--db FILE` (SQLite) keeps the filled registry in FILE and imports into a copy of it, so that a
 * change to imports can be measured at a million persons without filling again. `--dry-run` measures
 * the preview instead (rolled back); `--enquiries N` records N open family enquiries first, each
 * seeking a person that a new row of the list describes. `--prepare-on` chooses where rows are
 * prepared for matching (see src/app/imports/row-preparer.ts; by default the import chooses).
 * Reports for the fill and the import the wall time, the process's CPU seconds and the load average after
 * each (the machine may be shared), rows per second and the import's peak resident memory (on Linux
 * the kernel's high-water mark, reset before the import). The registry is filled by a child process
 * (this script with `--fill-only`), so that the import runs, as an operator's would, in a process
 * that holds nothing of the fill: a fill of a million left its page cache and heap in the process,
 * and the import's peak counted them.
 * PostgreSQL uses WHEREABOUTS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test) in a fresh schema.
 */
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app/index.js';
import { anEnquiry } from '../src/app/testing/test-app.js';
import { asId, type UserId } from '../src/domain/index.js';
import { openDatabase, type Database } from '../src/db/dialects/dialect.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import {
  BENCH_PG_URL,
  benchDatabase,
  machine,
  options,
  peakRssBytes,
  resetPeakRss,
  saveResult,
} from './lib-stats.js';

const opts = options(process.argv.slice(2));
const PERSONS = Number(opts['persons'] ?? 1_000_000);
const ROWS = Number(opts['rows'] ?? 1_000_000);
const OVERLAP = Number(opts['overlap'] ?? 0.1);
/** Row j of the list describes a registry person again when j is a multiple of this. */
const EVERY = OVERLAP > 0 ? Math.round(1 / OVERLAP) : Number.MAX_SAFE_INTEGER;
const dialect = (opts['dialect'] ?? 'sqlite') as 'sqlite' | 'postgres';
const keepFile = opts['db'];
const DRY_RUN = 'dry-run' in opts;
const ENQUIRIES = Number(opts['enquiries'] ?? 0);
const PREPARE_ON = opts['prepare-on'];
/**
 * Internal: fill the registry (the SQLite file given by --db, or the migrated PostgreSQL schema given
 * by --schema), print the fill's figures as JSON and exit.
 */
const FILL_ONLY = 'fill-only' in opts;
if (PREPARE_ON !== undefined && PREPARE_ON !== 'thread' && PREPARE_ON !== 'worker')
  throw new Error('--prepare-on: thread or worker');
const officer = {
  userId: asId<UserId>('00000000-0000-7000-8000-000000000001'),
  role: 'tracing_officer' as const,
  via: 'system' as const,
};

// prettier-ignore
const ROOTS = ['Ковал', 'Бондар', 'Ткач', 'Кравч', 'Шевч', 'Бойч', 'Мельнич', 'Мороз', 'Лис', 'Савч', 'Руд', 'Марч',
  'Гончар', 'Петр', 'Іван', 'Павл', 'Сидор', 'Гриц', 'Кушн', 'Олій', 'Тимош', 'Яковл', 'Остап', 'Захар', 'Федор',
  'Климч', 'Левч', 'Мирон', 'Назар', 'Пилип', 'Роман', 'Стець', 'Тарас', 'Устим', 'Харч', 'Цибул', 'Чорн', 'Шаповал',
  'Юрч', 'Ярем', 'Антон', 'Богдан', 'Василь', 'Гаврил', 'Дан', 'Євген', 'Жук', 'Зінч', 'Карп', 'Лук'];
const SUFFIXES = ['енко', 'ук', 'юк', 'ишин', 'ів', 'ович', 'ченко', 'ський', 'ко', 'ан', 'ець', 'ак'];
// prettier-ignore
const GIVEN = ['Олександр', 'Андрій', 'Сергій', 'Володимир', 'Дмитро', 'Микола', 'Іван', 'Юрій', 'Олег', 'Василь',
  'Петро', 'Тарас', 'Богдан', 'Віталій', 'Максим', 'Артем', 'Денис', 'Роман', 'Ігор', 'Євген', 'Павло', 'Михайло',
  'Степан', 'Григорій', 'Анатолій', 'Валерій', 'Костянтин', 'Руслан', 'Ярослав', 'Назар'];
const STATUS = ['полонений', 'зник безвісти', 'поранений', 'звільнений'];

/** A 32-bit integer hash (murmur3's finaliser), so every field of every index is independent. */
function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A deterministic person: name, patronymic, birth date and service number from its index. */
function personFields(i: number) {
  const r = (k: number) => hash32(i * 16 + k);
  return {
    family: `${ROOTS[r(1) % ROOTS.length]}${SUFFIXES[r(2) % SUFFIXES.length]}`,
    given: GIVEN[r(3) % GIVEN.length]!,
    patronymic: `${GIVEN[r(4) % GIVEN.length]}ович`,
    dob: { year: 1960 + (r(5) % 45), month: 1 + (r(6) % 12), day: 1 + (r(7) % 28) },
    service: `SN${String(i).padStart(8, '0')}`,
    status: STATUS[r(8) % STATUS.length]!,
  };
}

function registryPerson(i: number, sourceId: string) {
  const p = personFields(i);
  return {
    sourceId,
    claims: [
      { field: 'family_name', value: p.family },
      { field: 'given_name', value: p.given },
      { field: 'patronymic', value: p.patronymic },
      { field: 'date_of_birth', value: p.dob },
      { field: 'service_number', value: p.service },
    ],
    events: [{ kind: 'captured', date: { year: 2022, month: 5, day: 17 }, placeText: 'Olenivka' }],
  };
}

/** Writes the CSV a line at a time (never held in memory). */
async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("Номер,Прізвище,Ім'я,По батькові,Дата народження,Особовий номер,Статус,Дата\n");
  for (let j = 0; j < ROWS; j++) {
    const i = j % EVERY === 0 ? (j * 7) % PERSONS : PERSONS + j;
    const p = personFields(i);
    const d = `${String(p.dob.day).padStart(2, '0')}.${String(p.dob.month).padStart(2, '0')}.${p.dob.year}`;
    if (
      !out.write(`R-${j},${p.family},${p.given},${p.patronymic},${d},${p.service},${p.status},20.05.2022\n`)
    )
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Records ENQUIRIES open enquiries, each seeking the person of a new row spread over the list. */
async function openEnquiries(app: ReturnType<typeof createApp>): Promise<void> {
  for (let k = 0; k < ENQUIRIES; k++) {
    let j = Math.floor((k * ROWS) / ENQUIRIES);
    if (j % EVERY === 0) j++;
    const p = personFields(PERSONS + j);
    await app.enquiries.create(
      officer,
      anEnquiry({
        family_name: p.family,
        given_name: p.given,
        patronymic: p.patronymic,
        date_of_birth: p.dob,
      }),
    );
  }
}

/** CPU seconds (user + system) of this process since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return Math.round((d.user + d.system) / 1e5) / 10;
}

/** Fills a registry of PERSONS persons; returns the wall and CPU seconds it took. */
async function fill(database: Database) {
  const app = createApp({ database });
  const src = await app.sources.create(officer, { kind: 'list', title: 'Registry', reliability: 'B' });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const BATCH = 20_000;
  for (let i = 0; i < PERSONS; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, PERSONS - i) }, (_, j) =>
      registryPerson(i + j, src.id),
    );
    await app.persons.registerBatch(officer, src.id, batch);
    process.stderr.write(`\rregistry ${i + batch.length}/${PERSONS}`);
  }
  process.stderr.write('\n');
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0), load: loadavg()[0]! };
}

/** What filling the registry took: wall and CPU seconds, and the load average after. */
interface Filled {
  seconds: number;
  cpu: number;
  load: number;
}

/** Fills a SQLite registry file (migrated first) and writes its sidecar, naming how many persons it holds. */
async function fillFile(file: string): Promise<Filled> {
  const kept = openDatabase(file);
  await migrateToLatest(kept);
  const filled = await fill(kept);
  await kept.close();
  writeFileSync(`${file}.import.json`, JSON.stringify({ persons: PERSONS }));
  return filled;
}

/** Fills a migrated PostgreSQL schema. */
async function fillSchema(schema: string): Promise<Filled> {
  const database = openDatabase(BENCH_PG_URL, { schema });
  try {
    return await fill(database);
  } finally {
    await database.close();
  }
}

/**
 * Fills the registry in a child process (this script with --fill-only): the SQLite file `--db`, or
 * on PostgreSQL the migrated schema `--schema`.
 */
function fillInChild(where: ['--db' | '--schema', string]): Filled {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--persons',
      String(PERSONS),
      '--dialect',
      dialect,
      ...where,
      '--fill-only',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0)
    throw new Error(`filling ${where[1]} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Filled;
}

/**
 * The registry to import into: on SQLite a file filled by a child process (a temporary one, or with
 * --db the kept file, filled first when it does not exist yet) and imported into as it is or, when
 * kept, as a copy; on PostgreSQL a fresh schema filled here.
 */
async function registry(): Promise<{
  database: Database;
  dispose(): Promise<void>;
  filled: Filled | null;
}> {
  if (dialect !== 'sqlite') {
    if (keepFile) throw new Error('--db keeps a SQLite file only');
    const fresh = await benchDatabase(dialect);
    const schema = fresh.database.schema;
    if (!schema) throw new Error('the bench database has no schema of its own');
    return { ...fresh, filled: fillInChild(['--schema', schema]) };
  }
  if (!keepFile) {
    const dir = mkdtempSync(join(tmpdir(), 'wa-bench-registry-'));
    const file = join(dir, 'registry.sqlite');
    const filled = fillInChild(['--db', file]);
    const database = openDatabase(file);
    const dispose = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { database, dispose, filled };
  }
  const sidecar = `${keepFile}.import.json`;
  let filled = null;
  if (!existsSync(sidecar)) filled = fillInChild(['--db', keepFile]);
  else if ((JSON.parse(readFileSync(sidecar, 'utf8')) as { persons: number }).persons !== PERSONS)
    throw new Error(`${keepFile} does not hold ${PERSONS} persons`);
  // A copy per process: a run that has printed its figures still checkpoints and removes its copy
  // as it closes, which must not touch the copy of a run started meanwhile.
  const copy = `${keepFile}.run-${process.pid}`;
  copyFileSync(keepFile, copy);
  const database = openDatabase(copy);
  await migrateToLatest(database);
  const dispose = async () => {
    await database.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  };
  return { database, dispose, filled };
}

async function main(): Promise<void> {
  const { database, dispose, filled } = await registry();
  const dir = mkdtempSync(join(tmpdir(), 'wa-bench-csv-'));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const app = createApp({ database });
    const csv = join(dir, 'list.csv');
    await writeCsv(csv);
    await openEnquiries(app);
    peakRss = process.memoryUsage().rss;
    const kernelPeak = resetPeakRss();
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    // The last progress report comes when every row is written: what follows is the key tables' pass
    // and the commit.
    let rowsDone = t1;
    const report = await app.imports.run(
      officer,
      csv,
      { sourceName: 'Bench list', mapping: { source_record_id: 'Номер' }, dryRun: DRY_RUN },
      {
        ...(PREPARE_ON && { prepareOnWorker: PREPARE_ON === 'worker' }),
        onProgress: (p) => {
          rowsDone = performance.now();
          process.stderr.write(`\rimport ${p.rows}/${ROWS} at ${((rowsDone - t1) / 1000).toFixed(0)} s`);
        },
      },
    );
    const importSeconds = (performance.now() - t1) / 1000;
    // The sampler cannot run during a long synchronous call (the commit's sort); the kernel's peak can.
    if (kernelPeak) peakRss = Math.max(peakRss, peakRssBytes());
    const importCpu = cpuSeconds(c1);
    const importLoad = loadavg()[0]!;
    process.stderr.write('\n');
    const result = {
      dialect,
      persons: PERSONS,
      rows: ROWS,
      overlap: OVERLAP,
      dryRun: DRY_RUN,
      openEnquiries: ENQUIRIES,
      prepareOn: PREPARE_ON ?? 'default',
      ...(filled && {
        fillSeconds: Math.round(filled.seconds * 10) / 10,
        fillCpuSeconds: filled.cpu,
        personsPerSecond: Math.round(PERSONS / filled.seconds),
        loadAfterFill: Math.round(filled.load * 10) / 10,
      }),
      importSeconds: Math.round(importSeconds * 10) / 10,
      importCpuSeconds: importCpu,
      rowsPhaseSeconds: Math.round((rowsDone - t1) / 100) / 10,
      keysAndCommitSeconds: Math.round(importSeconds * 10 - (rowsDone - t1) / 100) / 10,
      rowsPerSecond: Math.round(ROWS / importSeconds),
      loadAfterImport: Math.round(importLoad * 10) / 10,
      peakRssMb: Math.round(peakRss / 1e6),
      report: {
        created: report.created,
        linked: report.linked,
        queued: report.queued,
        rejected: report.rejectedCount,
        enquiryCandidates: report.enquiryCandidates,
      },
    };
    const path = saveResult(`import-${dialect}`, result);
    process.stdout.write(`${machine()}\n${JSON.stringify(result, null, 2)}\nsaved ${path}\n`);
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
    await dispose();
  }
}

if (FILL_ONLY) {
  const schema = opts['schema'];
  const filled =
    dialect === 'postgres' && schema
      ? await fillSchema(schema)
      : dialect === 'sqlite' && keepFile
        ? await fillFile(keepFile)
        : null;
  if (!filled) throw new Error('--fill-only fills the SQLite file given by --db or the PostgreSQL --schema');
  process.stdout.write(`${JSON.stringify(filled)}\n`);
} else await main();
