import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingKeys, candidatePairs } from './index.js';
import { defaultModel } from '../model/index.js';
import { prepare } from '../record/index.js';

const model = defaultModel();

test('blocking keys are plain strings, equal for one person written in two scripts', () => {
  const a = blockingKeys(
    { id: 'a', fields: { full_name: 'КОВАЛЬЧУК Андрій', date_of_birth: '05.03.1994' } },
    model,
  );
  const b = blockingKeys(
    { id: 'b', fields: { given_name: 'Andrii', family_name: 'Kovalchuk', date_of_birth: '1994-03-05' } },
    model,
  );
  assert.ok(a.length >= 3);
  for (const k of a) assert.equal(typeof k, 'string');
  const shared = a.filter((k) => b.includes(k));
  assert.ok(shared.some((k) => k.startsWith('family_year:')));
  assert.ok(shared.some((k) => k.startsWith('dob:')));
});

test('a record without the parts of a rule has no key for it', () => {
  const keys = blockingKeys({ id: 'x', fields: { given_name: 'Olena' } }, model);
  assert.ok(!keys.some((k) => k.startsWith('family_year:') || k.startsWith('dob:')));
});

test('candidate pairs are the union of the rules, each pair once', () => {
  const S = prepare([
    {
      id: '1',
      fields: { given_name: 'Ivan', family_name: 'Petrenko', date_of_birth: '1990-01-02', id_number: 'X1' },
    },
    {
      id: '2',
      fields: { given_name: 'Ivan', family_name: 'Petrenko', date_of_birth: '1990-01-02', id_number: 'X1' },
    },
    {
      id: '3',
      fields: { given_name: 'Olena', family_name: 'Bondar', date_of_birth: '1985-05-05', id_number: 'X1' },
    },
    { id: '4', fields: { given_name: 'Taras', family_name: 'Melnyk', date_of_birth: '1970-07-07' } },
  ]);
  const c = candidatePairs(S, model);
  const pairs = Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`);
  assert.equal(new Set(pairs).size, pairs.length);
  assert.deepEqual(pairs.sort(), ['0-1', '0-2', '1-2']);
  assert.equal(c.report.pairs, 3);
});

test('in linkage, pairs join records of different files only, left first', () => {
  const S = prepare([
    { id: 'l1', fields: { given_name: 'Ivan', family_name: 'Petrenko', date_of_birth: '1990-01-02' } },
    { id: 'l2', fields: { given_name: 'Ivan', family_name: 'Petrenko', date_of_birth: '1990-01-02' } },
    { id: 'r1', fields: { given_name: 'Ivan', family_name: 'Petrenko', date_of_birth: '1990-01-02' } },
  ]);
  const c = candidatePairs(S, model, { origin: Uint8Array.from([0, 0, 1]) });
  const pairs = Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`);
  assert.deepEqual(pairs.sort(), ['0-2', '1-2']);
});
