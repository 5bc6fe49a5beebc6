/** The best one-to-one pairing of two small sets by a score function. */

const EXACT_LIMIT = 8;

/**
 * Pairs indices of a (n items) with indices of b (m items) so that the sum of `score` is largest;
 * pairs scoring 0 are dropped. Exact by dynamic programming over subsets when the larger side has
 * at most 8 items (names have fewer), greedy beyond.
 */
export function assignPairs(
  n: number,
  m: number,
  score: (i: number, j: number) => number,
): [number, number][] {
  const s: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) row.push(score(i, j));
    s.push(row);
  }
  const pairs =
    n <= m ? solve(s, n, m) : solve(transpose(s, n, m), m, n).map(([j, i]) => [i, j] as [number, number]);
  return pairs.filter(([i, j]) => s[i]![j]! > 0);
}

function transpose(s: number[][], n: number, m: number): number[][] {
  const t: number[][] = [];
  for (let j = 0; j < m; j++) t.push(Array.from({ length: n }, (_, i) => s[i]![j]!));
  return t;
}

/** n ≤ m: assigns every row to a distinct column. */
function solve(s: number[][], n: number, m: number): [number, number][] {
  if (m > EXACT_LIMIT) return greedy(s, n, m);
  const states = 1 << m;
  const best = new Float64Array(states).fill(-1);
  const from = new Int32Array(states).fill(-1);
  best[0] = 0;
  let end = 0;
  let endValue = -1;
  for (let mask = 0; mask < states; mask++) {
    if (best[mask]! < 0) continue;
    const row = popcount(mask);
    if (row === n) {
      if (best[mask]! > endValue) {
        endValue = best[mask]!;
        end = mask;
      }
      continue;
    }
    for (let j = 0; j < m; j++) {
      if (mask & (1 << j)) continue;
      const next = mask | (1 << j);
      const v = best[mask]! + s[row]![j]!;
      if (v > best[next]!) {
        best[next] = v;
        from[next] = j;
      }
    }
  }
  const pairs: [number, number][] = [];
  let mask = end;
  for (let row = n - 1; row >= 0; row--) {
    const j = from[mask]!;
    pairs.push([row, j]);
    mask &= ~(1 << j);
  }
  return pairs.reverse();
}

function greedy(s: number[][], n: number, m: number): [number, number][] {
  const cells: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cells.push([s[i]![j]!, i, j]);
  cells.sort((x, y) => y[0] - x[0]);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of cells) {
    if (usedI.has(i) || usedJ.has(j)) continue;
    usedI.add(i);
    usedJ.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
