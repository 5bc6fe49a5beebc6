/** Small helpers shared by the benchmarks: percentiles, timing, machine description, result files. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { freshDatabase } from '../src/db/testing/dialects.js';
import type { DialectName } from '../src/db/dialects/dialect.js';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samplesMs: number[]): {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
} {
  const s = [...samplesMs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? NaN),
  };
}

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/**
 * Peak resident memory as the kernel counts it, which sees every byte, including what a long
 * synchronous database call allocates while no timer can sample (an import's commit sorts its key
 * rows in one call). `resetPeakRss()` starts a new peak (Linux: false elsewhere, where
 * `peakRssBytes()` is the peak of the process's whole life).
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function peakRssBytes(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Writes bench/results/NAME.json and returns its path. */
export function saveResult(name: string, result: unknown): string {
  mkdirSync('bench/results', { recursive: true });
  const path = `bench/results/${name}.json`;
  writeFileSync(path, JSON.stringify({ at: new Date().toISOString(), machine: machine(), result }, null, 2));
  return path;
}

/** Parses `--name value` options into a record. */
export function options(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[a.slice(2)] = next;
        i++;
      } else out[a.slice(2)] = 'true';
    }
  }
  return out;
}

/** The PostgreSQL server benches use (WHEREABOUTS_BENCH_PG, default the local test database). */
export const BENCH_PG_URL = process.env['WHEREABOUTS_BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, migrated database for a benchmark: a temporary SQLite file, or a new PostgreSQL schema
 * (WHEREABOUTS_BENCH_PG, default the local test database), removed by `dispose`. */
export function benchDatabase(dialect: DialectName) {
  return freshDatabase(dialect, BENCH_PG_URL);
}
