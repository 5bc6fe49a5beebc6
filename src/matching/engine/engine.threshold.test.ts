import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultModel, parseModel, type MatchModel } from '../model/index.js';
import { createScorer } from '../explain/index.js';
import { prepare } from '../record/index.js';
import { batchThreshold, dedupe } from './index.js';

// The same man written twice: the second copy lacks the patronymic and has a typo in the surname.
const records = [
  {
    id: 'a',
    fields: {
      family_name: 'Ковальчук',
      given_name: 'Андрій',
      patronymic: 'Миколайович',
      date_of_birth: '1994-03-05',
    },
  },
  { id: 'b', fields: { family_name: 'Kovalchuck', given_name: 'Andrii', date_of_birth: '1994' } },
];

function withThresholds(model: MatchModel, thresholds: MatchModel['thresholds']): MatchModel {
  return parseModel({ ...model, thresholds });
}

test("batch deduplication uses the model's batch threshold, not the registry's auto-link threshold", async () => {
  const model = defaultModel();
  const S = prepare(records);
  const p = createScorer(model).explain(S, 0, S, 1).probability;
  assert.ok(p > 0.02 && p < 0.98, `the pair must sit between the thresholds tried (p = ${p})`);
  const strict = withThresholds(model, { match: 0.99, review: 0.5, batch: Math.min(0.999, p + 0.01) });
  const loose = withThresholds(model, { match: 0.99, review: 0.5, batch: Math.max(0.001, p - 0.01) });
  const apart = await dedupe(records, { model: strict, train: false });
  const together = await dedupe(records, { model: loose, train: false });
  assert.equal(apart.clusterCount, 2);
  assert.equal(together.clusterCount, 1);
});

test('a model without a batch threshold deduplicates at its match threshold', () => {
  const model = defaultModel();
  assert.equal(batchThreshold(withThresholds(model, { match: 0.95, review: 0.5 })), 0.95);
  assert.equal(batchThreshold(withThresholds(model, { match: 0.95, review: 0.5, batch: 0.7 })), 0.7);
});

test('a batch threshold outside (0, 1) is refused', () => {
  assert.throws(
    () => withThresholds(defaultModel(), { match: 0.9, review: 0.5, batch: 1.5 }),
    (e: unknown) => (e as { code?: string }).code === 'VALIDATION_FAILED',
  );
});
