import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare, type MatchRecord } from '../record/index.js';
import { defaultModel } from '../model/index.js';
import { createScorer } from '../explain/index.js';
import { pairLevels, scorePairs, scorePairs64 } from './score-pairs.js';

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
