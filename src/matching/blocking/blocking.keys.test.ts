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

test('large blocks are compared by sorted neighbourhood; records without a birth date still meet the whole block', () => {
  // Forty namesakes born on different days, two of them without a birth date.
  const records = Array.from({ length: 40 }, (_, i) => ({
    id: String(i),
    fields: {
      given_name: 'Ivan',
      family_name: 'Petrenko',
      ...(i % 20 !== 7 && { date_of_birth: `19${50 + i}-0${1 + (i % 9)}-1${i % 10}` }),
    },
  }));
  const S = prepare(records);
  const rules = [{ name: 'given_family', keys: ['givenClass', 'family'] }];
  const all = candidatePairs(S, { ...model, blocking: { rules, maxBlockSize: 1000 } });
  assert.equal(all.count, (40 * 39) / 2, 'without a window every pair of the block is compared');
  const windowed = candidatePairs(S, { ...model, blocking: { rules, maxBlockSize: 1000, window: 5 } });
  const pairs = new Set(
    Array.from({ length: windowed.count }, (_, k) => `${windowed.left[k]}-${windowed.right[k]}`),
  );
  assert.equal(pairs.size, windowed.count, 'each pair once');
  assert.ok(windowed.count < all.count / 2, `windowed: ${windowed.count} pairs`);
  assert.equal(windowed.report.rules[0]!.windowedBlocks, 1);
  for (const undated of [7, 27])
    for (let other = 0; other < 40; other++)
      if (other !== undated)
        assert.ok(
          pairs.has(`${Math.min(undated, other)}-${Math.max(undated, other)}`),
          `record ${undated} (no birth date) meets record ${other}`,
        );
  // Neighbours in birth order meet: 1951 and 1952 are adjacent in the sorted block.
  assert.ok(pairs.has('1-2'));
});

test('a pair a windowed rule left out is still found by a later rule', () => {
  const records = Array.from({ length: 30 }, (_, i) => ({
    id: String(i),
    fields: {
      given_name: 'Ivan',
      family_name: 'Petrenko',
      date_of_birth: `19${60 + i}-01-01`,
      ...((i === 0 || i === 20) && { id_number: 'Z-1' }),
    },
  }));
  const S = prepare(records);
  const rules = [
    { name: 'given_family', keys: ['givenClass', 'family'] },
    { name: 'id', keys: ['idNumber'] },
  ];
  const c = candidatePairs(S, { ...model, blocking: { rules, maxBlockSize: 1000, window: 3 } });
  const pairs = new Set(Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`));
  assert.equal(pairs.size, c.count, 'each pair once');
  assert.ok(pairs.has('0-1') && pairs.has('0-3') && !pairs.has('0-4'), 'the name block is windowed');
  assert.equal(c.report.rules[1]!.pairs, 1);
  assert.ok(pairs.has('0-20'), 'the shared id brings the distant pair back');
});

test('blocks compared by sorted neighbourhood are marked, and EM leaves their pairs out', async () => {
  const { trainUnsupervised } = await import('../model/index.js');
  // Sixty namesakes born on different days: in birth order, neighbours are born close together.
  const records = Array.from({ length: 60 }, (_, i) => ({
    id: String(i),
    fields: {
      given_name: 'Ivan',
      family_name: 'Petrenko',
      date_of_birth: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
    },
  }));
  const S = prepare(records);
  const rules = [{ name: 'given_family', keys: ['givenClass', 'family'] }];
  const whole = { ...model, blocking: { rules, maxBlockSize: 1000 } };
  const sorted = { ...model, blocking: { rules, maxBlockSize: 1000, window: 5 } };
  const all = candidatePairs(S, whole);
  const windowed = candidatePairs(S, sorted);
  assert.equal(all.windowedKeys[0], null);
  const key = windowed.ruleIds[0]![0]!;
  assert.equal(windowed.windowedKeys[0]?.[key], 1);
  const sessionOf = (m: typeof model, c: typeof all) =>
    trainUnsupervised(S, m, c, { seed: 1 }).report.sessions.find((s) => s.rule === 'given_family');
  assert.equal(sessionOf(whole, all)?.pairs, all.count, 'a whole block is a fair sample');
  assert.equal(sessionOf(sorted, windowed), undefined, 'a windowed block is not');
});
