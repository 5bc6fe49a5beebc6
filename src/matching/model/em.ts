/**
 * Expectation–maximisation for the Fellegi–Sunter model on aggregated comparison patterns. u is
 * held fixed (it comes from random pairs, which are almost all non-matches); m and the share of
 * matches λ are estimated. Comparisons marked `fixed` take no part: a blocking rule that requires
 * agreement on a field makes that field's agreement uninformative among its pairs.
 */

/** Distinct comparison vectors with their counts; `levels` is row-major, `width` levels per row. */
export interface PatternTable {
  readonly width: number;
  readonly levels: Uint8Array;
  readonly counts: Float64Array;
}

/** EM input: level counts per comparison (including missing at 0), starting m, fixed u. */
export interface EmInput {
  readonly patterns: PatternTable;
  /** m[c][level - 1] for each comparison; levels start after "missing". */
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  readonly fixed: readonly boolean[];
  readonly lambda: number;
  readonly iterations?: number;
  /** Stop when no parameter moves more than this. */
  readonly tolerance?: number;
}

/** EM result: the estimated m per comparison and λ. */
export interface EmResult {
  readonly m: number[][];
  readonly lambda: number;
  readonly iterations: number;
}

const FLOOR = 1e-6;

/** Groups level vectors (row-major, `width` per row) into distinct patterns with counts. */
export function aggregatePatterns(levels: Uint8Array, rows: number, width: number): PatternTable {
  const index = new Map<number | string, number>();
  const keep: number[] = [];
  const counts: number[] = [];
  // Levels are small: base-16 digits fit a double exactly for up to 13 comparisons.
  const numeric = width <= 13;
  for (let r = 0; r < rows; r++) {
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let c = 0; c < width; c++) key = key * 16 + levels[r * width + c]!;
    } else key = String.fromCharCode(...levels.subarray(r * width, r * width + width));
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, counts.length);
      keep.push(r);
      counts.push(1);
    } else counts[k]! += 1;
  }
  const out = new Uint8Array(keep.length * width);
  keep.forEach((r, k) => out.set(levels.subarray(r * width, r * width + width), k * width));
  return { width, levels: out, counts: Float64Array.from(counts) };
}

/** Posterior match probability of each pattern under m, u and λ. */
function expectation(input: EmInput, m: number[][], lambda: number, out: Float64Array): void {
  const { width, levels, counts } = input.patterns;
  for (let p = 0; p < counts.length; p++) {
    let logOdds = Math.log(lambda / (1 - lambda));
    for (let c = 0; c < width; c++) {
      const l = levels[p * width + c]!;
      if (l === 0 || input.fixed[c]) continue;
      logOdds += Math.log(Math.max(m[c]![l - 1]!, FLOOR) / Math.max(input.u[c]![l - 1]!, FLOOR));
    }
    out[p] = 1 / (1 + Math.exp(-logOdds));
  }
}

/** Runs EM to convergence (or the iteration limit). */
export function runEm(input: EmInput): EmResult {
  const { width, levels, counts } = input.patterns;
  const m = input.m.map((row) => [...row]);
  let lambda = Math.min(0.99, Math.max(1e-4, input.lambda));
  const post = new Float64Array(counts.length);
  const maxIter = input.iterations ?? 40;
  const tol = input.tolerance ?? 1e-5;
  let iter = 0;
  while (iter++ < maxIter) {
    expectation(input, m, lambda, post);
    let matches = 0;
    let total = 0;
    const acc = m.map((row) => new Float64Array(row.length));
    for (let p = 0; p < counts.length; p++) {
      const wm = post[p]! * counts[p]!;
      matches += wm;
      total += counts[p]!;
      for (let c = 0; c < width; c++) {
        const l = levels[p * width + c]!;
        if (l > 0) acc[c]![l - 1]! += wm;
      }
    }
    let moved = 0;
    for (let c = 0; c < width; c++) {
      if (input.fixed[c]) continue;
      const sum = acc[c]!.reduce((a, b) => a + b, 0);
      if (sum <= 0) continue;
      for (let l = 0; l < m[c]!.length; l++) {
        const v = Math.max(acc[c]![l]! / sum, FLOOR);
        moved = Math.max(moved, Math.abs(v - m[c]![l]!));
        m[c]![l] = v;
      }
    }
    const next = Math.min(0.9999, Math.max(1e-7, matches / Math.max(total, 1)));
    moved = Math.max(moved, Math.abs(next - lambda));
    lambda = next;
    if (moved < tol) break;
  }
  return { m, lambda, iterations: iter };
}

/** Expected share of matches among the patterns with m and u both fixed (no parameter moves). */
export function estimateLambda(
  patterns: PatternTable,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  start = 0.1,
): number {
  const fixed = m.map(() => false);
  const input: EmInput = { patterns, m, u, fixed, lambda: start };
  const post = new Float64Array(patterns.counts.length);
  let lambda = start;
  for (let k = 0; k < 50; k++) {
    expectation(input, m as number[][], lambda, post);
    let s = 0;
    let t = 0;
    for (let p = 0; p < post.length; p++) {
      s += post[p]! * patterns.counts[p]!;
      t += patterns.counts[p]!;
    }
    const next = Math.min(0.9999, Math.max(1e-7, s / Math.max(t, 1)));
    if (Math.abs(next - lambda) < 1e-7) return next;
    lambda = next;
  }
  return lambda;
}
