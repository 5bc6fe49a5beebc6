import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare, type MatchRecord } from '../record/index.js';
import { defaultModel } from '../model/index.js';
import { createScorer } from '../explain/index.js';
import { pairLevels, scorePairs, scorePairs64 } from './score-pairs.js';
import { dedupe } from './dedupe.js';
import { PairPool } from './pair-pool.js';
import {
  PairBuffer,
  blockPairs,
  candidatePairs,
  candidatePairsWith,
  type CandidatePairs,
} from '../blocking/index.js';

const names = [
  'Kovalenko Andrii',
  'Коваленко Андрій',
  'Kovalenko Andrij',
  'Shevchenko Olena',
  'Шевченко Олена',
];
const records: MatchRecord[] = Array.from({ length: 60 }, (_, k) => ({
  id: `r${k}`,
  fields: {
    full_name: names[k % names.length]!,
    date_of_birth: `${1 + (k % 5)}.0${1 + (k % 3)}.19${70 + (k % 4)}`,
    ...(k % 2 === 0 && { city: k % 4 === 0 ? 'Mariupol' : 'Маріуполь' }),
    ...(k % 3 === 0 && { rank: k % 6 === 0 ? 'driver' : 'dbiver' }),
  },
}));

// 600 records: 179,700 possible pairs, so training's random pairs go to a worker while blocking runs.
const family = ['Kovalenko', 'Коваленко', 'Shevchuk', 'Шевчук', 'Bondar', 'Бондар', 'Tkachenko', 'Ткаченко'];
const given = ['Andrii', 'Андрій', 'Olena', 'Олена', 'Ivan', 'Іван', 'Mariia', 'Марія', 'Petro', 'Петро'];
const many: MatchRecord[] = Array.from({ length: 600 }, (_, k) => ({
  id: `m${k}`,
  fields: {
    full_name: `${family[(k * 7) % family.length]} ${given[(k * 3) % given.length]}`,
    date_of_birth: `${1 + (k % 28)}.${1 + ((k >> 2) % 12)}.${1960 + ((k >> 1) % 40)}`,
    ...(k % 3 === 0 && { city: k % 2 === 0 ? 'Mariupol' : 'Маріуполь' }),
  },
}));

test('pairs scored on worker threads weigh exactly what the scorer gives', async () => {
  const S = prepare(records);
  const model = defaultModel();
  const scorer = createScorer(model);
  const left = new Int32Array(new SharedArrayBuffer(4 * 1770));
  const right = new Int32Array(new SharedArrayBuffer(4 * 1770));
  let count = 0;
  for (let i = 0; i < S.n; i++)
    for (let j = i + 1; j < S.n; j++) {
      left[count] = i;
      right[count++] = j;
    }
  const opts = { threads: 2, minPairs: 0 };
  const w64 = await scorePairs64(S, model, left, right, count, opts);
  const w32 = await scorePairs(S, model, left, right, count, opts);
  const levels = await pairLevels(S, model, left, right, count, opts);
  const width = model.comparisons.length;
  const row = new Uint8Array(width);
  for (let k = 0; k < count; k++) {
    const w = scorer.weight(S, left[k]!, S, right[k]!);
    assert.equal(w64[k], w);
    assert.equal(w32[k], Math.fround(w));
    scorer.levels(S, left[k]!, S, right[k]!, row, 0);
    assert.deepEqual(levels.subarray(k * width, (k + 1) * width), row);
  }
});

test('a run trains the same model and finds the same clusters on one thread as on two', async () => {
  const one = await dedupe(many, { threads: 1 });
  const two = await dedupe(many, { threads: 2 });
  assert.equal(two.run.training?.randomPairs, 179_700);
  assert.equal(two.run.model.version, one.run.model.version);
  assert.equal(two.run.model.parameters.prior, one.run.model.parameters.prior);
  assert.deepEqual([...two.clusters], [...one.clusters]);
});

test('workers kept for a run take job after job of every kind and give what the scorer gives', async () => {
  const S = prepare(records);
  const model = defaultModel();
  const scorer = createScorer(model);
  const count = (S.n * (S.n - 1)) / 2;
  const left = new Int32Array(new SharedArrayBuffer(4 * count));
  const right = new Int32Array(new SharedArrayBuffer(4 * count));
  for (let i = 0, k = 0; i < S.n; i++) for (let j = i + 1; j < S.n; j++, k++) [left[k], right[k]] = [i, j];
  assert.equal(PairPool.forRun(S.n, 2), null, 'a small list keeps no pool');
  const pool = PairPool.forRun(S.n, 2, 0)!;
  try {
    await assert.rejects(
      pool.run({ kind: 'weights', model, left, right, out: new Float32Array(1), from: 0, to: 1 }),
    );
    pool.load(S);
    const opts = { threads: 2, minPairs: 0, pool };
    const levels = await pairLevels(S, model, left, right, count, opts);
    const w64 = await scorePairs64(S, model, left, right, count, opts);
    const background = await pairLevels(S, model, left, right, count, { ...opts, background: true });
    const width = model.comparisons.length;
    const row = new Uint8Array(width);
    for (let k = 0; k < count; k++) {
      assert.equal(w64[k], scorer.weight(S, left[k]!, S, right[k]!));
      scorer.levels(S, left[k]!, S, right[k]!, row, 0);
      assert.deepEqual(levels.subarray(k * width, (k + 1) * width), row);
      assert.deepEqual(background.subarray(k * width, (k + 1) * width), row);
    }
  } finally {
    await pool.close();
  }
});

test('blocking split between threads gives the same pairs, in the same order, as one thread', async () => {
  const S = prepare(many);
  const model = defaultModel();
  for (const linking of [false, true]) {
    const origin = new Uint8Array(S.n).map((_, i) => (i % 3 === 0 ? 1 : 0));
    // A low cap on blocks, so that some are skipped; blocks over the window are compared by sorted neighbourhood.
    const opts = { maxBlockSize: 40, ...(linking && { origin }) };
    const one = candidatePairs(S, model, opts);
    assert.ok(
      one.report.rules.some((r) => r.windowedBlocks > 0) && one.report.rules.some((r) => r.skippedBlocks > 0),
    );
    const same = (other: CandidatePairs) => {
      assert.equal(other.count, one.count);
      assert.deepEqual([...other.left], [...one.left]);
      assert.deepEqual([...other.right], [...one.right]);
      assert.deepEqual(other.report, one.report);
      assert.deepEqual(
        other.ruleIds.map((x) => [...x]),
        one.ruleIds.map((x) => [...x]),
      );
      assert.deepEqual(
        other.windowedKeys.map((x) => (x ? [...x] : null)),
        one.windowedKeys.map((x) => (x ? [...x] : null)),
      );
    };
    // Here, asynchronously: the split itself.
    same(
      await candidatePairsWith(S, model, opts, async (job) => {
        const pairs = new PairBuffer();
        const counts = blockPairs(job, pairs);
        return { left: pairs.left, right: pairs.right, count: pairs.count, counts };
      }),
    );
    // On a worker of a pool.
    const pool = PairPool.forRun(S.n, 2, 0)!;
    try {
      same(await candidatePairsWith(S, model, opts, (job) => pool.runBlocks(job)));
    } finally {
      await pool.close();
    }
  }
});
