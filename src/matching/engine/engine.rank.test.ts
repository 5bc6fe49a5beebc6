import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare, preparedRecords } from '../record/index.js';
import { defaultModel } from '../model/index.js';
import { link, rankCandidates } from './index.js';

const registry = prepare([
  { id: 'p1', fields: { family_name: 'Шевченко', given_name: 'Олена', date_of_birth: '1971-11-30' } },
  {
    id: 'p2',
    fields: {
      family_name: 'Ковальчук',
      given_name: 'Андрій',
      patronymic: 'Миколайович',
      date_of_birth: '1994-03-05',
    },
  },
  { id: 'p3', fields: { family_name: 'Ковальчук', given_name: 'Андрій', date_of_birth: '1961-08-01' } },
]);

test('ranked search puts the same person first, across scripts and conventions, with explanations', () => {
  const query = { id: 'q', fields: { full_name: 'Kowaltschuk, Andrij', date_of_birth: '05.03.1994' } };
  const ranked = rankCandidates(query, preparedRecords(registry), defaultModel());
  assert.deepEqual(
    ranked.map((r) => r.id),
    ['p2', 'p3', 'p1'],
  );
  assert.ok(ranked[0]!.probability > 0.5);
  for (const r of ranked) {
    const sum = r.explanation.contributions.reduce((a, c) => a + c.weight, r.explanation.prior);
    assert.ok(Math.abs(sum - r.weight) < 1e-9);
  }
});

test('an age at a date counts for a candidate born in a compatible year', () => {
  const query = { id: 'q', fields: { full_name: 'Kovalchuk Andrii', age: '28' }, age_as_of: '2022-05-10' };
  const ranked = rankCandidates(query, preparedRecords(registry));
  assert.equal(ranked[0]!.id, 'p2');
  const dob = ranked[0]!.explanation.contributions.find((c) => c.comparison === 'date_of_birth');
  assert.equal(dob?.label, 'compatible with stated age');
});

test('link pairs records of two lists one-to-one', async () => {
  const left = [
    { id: 'l1', fields: { family_name: 'Kovalchuk', given_name: 'Andrii', date_of_birth: '1994-03-05' } },
    { id: 'l2', fields: { family_name: 'Melnyk', given_name: 'Taras', date_of_birth: '1970-07-07' } },
  ];
  const right = [
    { id: 'r1', fields: { family_name: 'Мельник', given_name: 'Тарас', date_of_birth: '07.07.1970' } },
    { id: 'r2', fields: { family_name: 'Ковальчук', given_name: 'Андрей', date_of_birth: '05.03.1994' } },
  ];
  const { links } = await link(left, right, { train: false });
  assert.deepEqual(
    links.map((l) => [l.left, l.right]),
    [
      [0, 1],
      [1, 0],
    ],
  );
});
