// Generator throughput: `npm run bench -- generate [records] [sources]` writes a dataset of about
// 1,000,000 records (default, 3 sources) through the `generate` command to a temporary directory,
// and also times the generator alone (files produced in memory chunk by chunk, not written).
// Reports records per second of wall time and of CPU time (all threads; the honest figure on a
// shared machine), peak memory, and writes bench/results/generate.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main as cli } from '../src/cli/main.js';
import { STYLES, datasetFiles, styleForSource } from '../src/matching/generate/index.js';

/** Expected records per person: each source's coverage times its repeat rate. */
function recordsPerPerson(sources: number): number {
  let sum = 0;
  for (let k = 0; k < sources; k++) {
    const { coverage, duplicate } = STYLES[styleForSource(k).name].noise;
    sum += coverage * (1 + duplicate);
  }
  return sum;
}

function sampler(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

interface Timing {
  records: number;
  seconds: number;
  cpuSeconds: number;
}

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** Generator alone: every chunk of every file produced and dropped. */
function generateOnly(persons: number, sources: number): Timing {
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let records = 0;
  for (const file of datasetFiles({ persons, sources, seed: 1 })) {
    const isSource = file.fileName.endsWith('.csv') && file.fileName !== 'truth.csv';
    for (const chunk of file.chunks())
      if (isSource) for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) records++;
    if (isSource) records--; // the header line
  }
  return { records, seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: cpuSince(cpu) };
}

/** The command end to end, files written to disk. */
async function endToEnd(persons: number, sources: number): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'generate-bench-'));
  try {
    const sink = new PassThrough();
    sink.resume();
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const args = ['generate', '--persons', String(persons), '--sources', String(sources), '--seed', '1'];
    const code = await cli([...args, '--out', dir], { stdout: sink, stderr: process.stderr });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (code !== 0) throw new Error(`generate exited with ${code}`);
    const records = readFileSync(join(dir, 'truth.csv'), 'utf8').split('\n').length - 2;
    return { records, seconds, cpuSeconds: cpuSince(cpu) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 1_000_000);
  const sources = Number(process.argv[3] ?? 3);
  const persons = Math.ceil(target / recordsPerPerson(sources));
  const memory = sampler();
  const alone = generateOnly(persons, sources);
  const disk = await endToEnd(persons, sources);
  memory.stop();
  const rate = (r: Timing): number => Math.round(r.records / r.seconds);
  const cpuRate = (r: Timing): number => Math.round(r.records / r.cpuSeconds);
  const result = {
    persons,
    sources,
    records: disk.records,
    generatorSeconds: +alone.seconds.toFixed(2),
    generatorRecordsPerSecond: rate(alone),
    generatorCpuSeconds: +alone.cpuSeconds.toFixed(2),
    generatorRecordsPerCpuSecond: cpuRate(alone),
    endToEndSeconds: +disk.seconds.toFixed(2),
    endToEndRecordsPerSecond: rate(disk),
    endToEndCpuSeconds: +disk.cpuSeconds.toFixed(2),
    endToEndRecordsPerCpuSecond: cpuRate(disk),
    loadAverage: loadavg()[0] ?? 0,
    peakRssMB: Math.round(memory.peak() / 2 ** 20),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log(
    `generate: ${persons.toLocaleString('en')} persons, ${sources} sources, ${disk.records.toLocaleString('en')} records\n` +
      `  generator alone, one thread: ${result.generatorSeconds} s, ${result.generatorRecordsPerSecond.toLocaleString('en')} records/s` +
      ` (CPU ${result.generatorCpuSeconds} s, ${result.generatorRecordsPerCpuSecond.toLocaleString('en')} records per CPU second)\n` +
      `  end to end, files on disk: ${result.endToEndSeconds} s, ${result.endToEndRecordsPerSecond.toLocaleString('en')} records/s` +
      ` (CPU ${result.endToEndCpuSeconds} s in all threads)\n` +
      `  load average ${result.loadAverage.toFixed(1)} on ${availableParallelism()} CPUs;` +
      ` peak RSS ${result.peakRssMB} MB`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/generate.json', `${JSON.stringify(result, null, 2)}\n`);
}

await main();
