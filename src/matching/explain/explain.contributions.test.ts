import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScorer, probabilityOf } from './index.js';
import { defaultModel } from '../model/index.js';
import { prepare } from '../record/index.js';

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
