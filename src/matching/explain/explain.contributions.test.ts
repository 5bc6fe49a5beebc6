import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScorer, probabilityOf } from './index.js';
import { defaultModel } from '../model/index.js';
import { isFieldType, prepare } from '../record/index.js';
import { generate } from '../generate/index.js';

const records = [
  {
    id: 'a',
    fields: {
      full_name: 'КОВАЛЬЧУК Андрій Миколайович',
      date_of_birth: '05.03.1994',
      sex: 'чол.',
      city: 'Маріуполь',
    },
  },
  {
    id: 'b',
    fields: {
      given_name: 'Andrii',
      family_name: 'Kovalchuk',
      date_of_birth: '1994-03-05',
      sex: 'M',
      city: 'Mariupol',
    },
  },
  {
    id: 'c',
    fields: { given_name: 'Olena', family_name: 'Shevchenko', date_of_birth: '1971-11-30', sex: 'F' },
  },
  { id: 'd', fields: { given_name: 'Andrii', family_name: 'Kovalchuk' } },
];

test('the prior and the contributions add up to the match weight, for every pair', () => {
  const scorer = createScorer(defaultModel());
  const S = prepare(records);
  for (let i = 0; i < S.n; i++)
    for (let j = 0; j < S.n; j++) {
      if (i === j) continue;
      const e = scorer.explain(S, i, S, j);
      const sum = e.contributions.reduce((acc, c) => acc + c.weight, e.prior);
      assert.ok(Math.abs(sum - e.weight) < 1e-9, `${i}-${j}: ${sum} vs ${e.weight}`);
      assert.ok(Math.abs(e.weight - scorer.weight(S, i, S, j)) < 1e-9);
      assert.ok(Math.abs(e.probability - probabilityOf(e.weight)) < 1e-12);
    }
});

test('an explanation names every comparison, with missing levels contributing nothing', () => {
  const model = defaultModel();
  const S = prepare(records);
  const e = createScorer(model).explain(S, 0, S, 3);
  assert.deepEqual(
    e.contributions.map((c) => c.comparison),
    model.comparisons.map((c) => c.name),
  );
  for (const c of e.contributions.filter((x) => x.label === 'missing')) assert.equal(c.weight, 0);
});

test('the same person across scripts outscores a different person', () => {
  const scorer = createScorer(defaultModel());
  const S = prepare(records);
  assert.ok(scorer.weight(S, 0, S, 1) > 10);
  assert.ok(scorer.weight(S, 0, S, 2) < -10);
});

test('a weight with a floor is exact at or above the floor and stays below it otherwise', () => {
  // Generated records of many kinds: scripts, missing fields, namesakes, ages instead of dates.
  const data = generate({ persons: 150, sources: 3, seed: 3 });
  const set = data.sources.flatMap((source) => {
    const mapping = Object.entries(source.fields).filter(([type]) => isFieldType(type));
    return source.rows.map((row) => ({
      id: row['record_id'] ?? '',
      fields: Object.fromEntries(mapping.map(([type, col]) => [type, row[col as string] ?? ''])),
    }));
  });
  const S = prepare(set);
  const bound = createScorer(defaultModel()).bind(S, S);
  let cut = 0;
  for (let i = 0; i < S.n; i++)
    for (let j = i + 1; j < S.n; j += 7)
      for (const floor of [-20, -5, 0, 3.17, 10]) {
        const exact = bound.weight(i, j);
        const above = bound.weightAbove(i, j, floor);
        if (exact >= floor) assert.equal(above, exact, `pair ${i}-${j} at floor ${floor}`);
        else {
          assert.ok(above < floor && above >= exact - 1e-9, `pair ${i}-${j} at floor ${floor}: ${above}`);
          if (above !== exact) cut++;
        }
      }
  assert.ok(cut > 0, 'some pairs were cut short');
});
