/** Similarity of two bags of tokens under the best one-to-one pairing of their members. */

// Scratch space for the assignment search; sized for the exact search limit.
const EXACT_LIMIT = 8;
const simMatrix = new Float64Array(EXACT_LIMIT * EXACT_LIMIT);
const best = new Float64Array(1 << EXACT_LIMIT);

/**
 * Pairs each token of the shorter list with a distinct token of the longer list so that the sum of
 * `sim` is largest, and returns that sum × 2 / (|a| + |b|) (a Dice-style mean, so unpaired tokens
 * count against the score). Exact for up to 8 tokens per side, greedy beyond. Order-insensitive:
 * ["ivan", "petrenko"] and ["petrenko", "ivan"] score 1. Two empty lists score 1; one empty, 0.
 */
export function tokenSetSimilarity(a: string[], b: string[], sim: (x: string, y: string) => number): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  const total =
    long.length <= EXACT_LIMIT ? exactAssignment(short, long, sim) : greedyAssignment(short, long, sim);
  return (2 * total) / (a.length + b.length);
}

/** Best total by dynamic programming over subsets of the longer list (2^n states, n ≤ 8). */
function exactAssignment(short: string[], long: string[], sim: (x: string, y: string) => number): number {
  const n = long.length;
  for (let i = 0; i < short.length; i++) {
    for (let j = 0; j < n; j++) simMatrix[i * n + j] = sim(short[i]!, long[j]!);
  }
  const states = 1 << n;
  best.fill(-1, 0, states);
  best[0] = 0;
  let answer = 0;
  for (let mask = 0; mask < states; mask++) {
    const here = best[mask]!;
    if (here < 0) continue;
    const row = popcount(mask);
    if (row === short.length) {
      if (here > answer) answer = here;
      continue;
    }
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) continue;
      const next = mask | (1 << j);
      const v = here + simMatrix[row * n + j]!;
      if (v > best[next]!) best[next] = v;
    }
  }
  return answer;
}

function greedyAssignment(short: string[], long: string[], sim: (x: string, y: string) => number): number {
  const used = new Uint8Array(long.length);
  let total = 0;
  for (const x of short) {
    let bestJ = -1;
    let bestV = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const v = sim(x, long[j]!);
      if (v > bestV) {
        bestV = v;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      used[bestJ] = 1;
      total += bestV;
    }
  }
  return total;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
