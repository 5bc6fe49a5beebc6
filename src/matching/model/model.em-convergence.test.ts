import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregatePatterns, randomSource, runEm } from './index.js';
import { priorOf, settlePrior } from './train.js';

// A known model: three comparisons of three levels each, 30% of pairs matching.
const TRUE_M = [
  [0.8, 0.15, 0.05],
  [0.7, 0.2, 0.1],
  [0.9, 0.06, 0.04],
];
const TRUE_U = [
  [0.05, 0.15, 0.8],
  [0.1, 0.2, 0.7],
  [0.02, 0.08, 0.9],
];
const LAMBDA = 0.3;

function draw(probs: readonly number[], r: number): number {
  let acc = 0;
  for (let k = 0; k < probs.length; k++) {
    acc += probs[k]!;
    if (r < acc) return k + 1;
  }
  return probs.length;
}

function sample(rows: number, seed: number): Uint8Array {
  const rand = randomSource(seed);
  const out = new Uint8Array(rows * 3);
  for (let r = 0; r < rows; r++) {
    const match = rand() < LAMBDA;
    for (let c = 0; c < 3; c++) out[r * 3 + c] = draw((match ? TRUE_M : TRUE_U)[c]!, rand());
  }
  return out;
}

test('EM recovers m and the share of matches from pairs drawn from a known model', () => {
  const rows = 50_000;
  const result = runEm({
    patterns: aggregatePatterns(sample(rows, 7), rows, 3),
    m: TRUE_M.map((row) => row.map(() => 1 / row.length)),
    u: TRUE_U,
    fixed: [false, false, false],
    lambda: 0.5,
    iterations: 200,
    tolerance: 1e-7,
  });
  assert.ok(Math.abs(result.lambda - LAMBDA) < 0.02, `lambda ${result.lambda}`);
  result.m.forEach((row, c) =>
    row.forEach((v, l) =>
      assert.ok(Math.abs(v - TRUE_M[c]![l]!) < 0.03, `m[${c}][${l}] = ${v}, expected ${TRUE_M[c]![l]}`),
    ),
  );
});

test('a fixed comparison keeps its m and takes no part in the estimate', () => {
  const rows = 20_000;
  const start = [
    [0.5, 0.3, 0.2],
    [1 / 3, 1 / 3, 1 / 3],
    [1 / 3, 1 / 3, 1 / 3],
  ];
  const result = runEm({
    patterns: aggregatePatterns(sample(rows, 11), rows, 3),
    m: start,
    u: TRUE_U,
    fixed: [true, false, false],
    lambda: 0.5,
    iterations: 200,
  });
  assert.deepEqual(result.m[0], start[0]);
  assert.ok(Math.abs(result.m[2]![0]! - TRUE_M[2]![0]!) < 0.05);
});

test('identical comparison vectors are counted once with their multiplicity', () => {
  const levels = Uint8Array.from([1, 2, 1, 2, 3, 3]);
  const t = aggregatePatterns(levels, 3, 2);
  assert.equal(t.counts.length, 2);
  assert.deepEqual([...t.counts].sort(), [1, 2]);
});

test('the prior never claims more than three matching pairs per record of one list', () => {
  const possible = (1_000_000 * 999_999) / 2;
  // EM on a million records that took namesakes for one person: 27 million expected matches.
  assert.equal(priorOf(27e6, 1_000_000, possible, false), 3e6 / possible);
  // A plausible estimate stands as it is; linking two lists is not held.
  assert.equal(priorOf(2171, 1000, 499_500, false), 2171 / 499_500);
  assert.equal(priorOf(27e6, 1_000_000, possible, true), 27e6 / possible);
});

test('the prior settles where it agrees with the scored pairs, from too high or too low', () => {
  // 1,000,000 possible pairs; blocking proposed 10,000 of them, sampled one in two. 500 of the
  // sample are matches (likelihood ratio 2^20), the rest clearly not (2^-5): the true prior is
  // 1,000 / 1,000,000. Weights are written under a starting prior ten times too high or too low.
  const possible = 1_000_000;
  const truth = 1_000 / possible;
  for (const start of [truth * 10, truth / 10]) {
    const logit = Math.log2(start / (1 - start));
    const weights = new Float64Array(5_000);
    for (let k = 0; k < weights.length; k++) weights[k] = logit + (k < 500 ? 20 : -5);
    const settled = settlePrior(weights, 2, start, possible, 0.5);
    assert.ok(Math.abs(settled - truth) / truth < 0.02, `from ${start}: ${settled}`);
  }
});

test('the settled prior stays under its ceiling', () => {
  const weights = new Float64Array(100).fill(30);
  assert.equal(settlePrior(weights, 1, 0.01, 1_000, 0.05), 0.05);
});
