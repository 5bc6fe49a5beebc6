import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyPostings, keyHash } from './key-postings.js';

function personsOf(p: KeyPostings, key: string): number[] | null {
  const out: number[] = [];
  return p.persons(key, out) ? out : null;
}

test('key postings list each key’s persons once, oldest first, across growth of the table and pool', () => {
  const p = new KeyPostings(200);
  const KEYS = 200_000;
  for (let k = 0; k < KEYS; k++) {
    p.add(`fn:${k}`, k);
    if (k % 3 === 0) p.add(`fn:${k}`, k + 1);
    p.add(`fn:${k}`, k); // a person already listed is not listed again
  }
  assert.equal(p.size, KEYS);
  for (let k = 0; k < KEYS; k += 997)
    assert.deepEqual(personsOf(p, `fn:${k}`), k % 3 === 0 ? [k, k + 1] : [k]);
  assert.deepEqual(personsOf(p, 'fn:absent'), [], 'a key never seen names no one');
  assert.equal(p.known('fn:1'), false, 'added persons do not make a key fetched');
});

test('a fresh person is added once to each of its keys without walking the postings', () => {
  const p = new KeyPostings(200);
  for (let person = 0; person < 150; person++) p.add('given_year:taras|1990', person, true);
  p.add('given_year:taras|1990', 149, true); // the same key twice in a row for one new person
  const listed = personsOf(p, 'given_year:taras|1990')!;
  assert.equal(listed.length, 150);
  assert.deepEqual(
    listed,
    Array.from({ length: 150 }, (_, k) => k),
  );
  p.add('given_year:taras|1990', 3); // an old person: checked against every posting
  assert.equal(personsOf(p, 'given_year:taras|1990')!.length, 150);
});

test('fetched keys are known; a key past the cap is common and names no one from then on', () => {
  const p = new KeyPostings(3);
  p.add('dob:1990', 7);
  assert.equal(p.known('dob:1990'), false);
  p.fetched('dob:1990', [1, 7, 2]);
  assert.equal(p.known('dob:1990'), true);
  assert.deepEqual(personsOf(p, 'dob:1990'), [7, 1, 2], 'the registry’s 7 is the one already added');
  const chain = new Int32Array(3);
  assert.equal(p.personsInto('dob:1990', chain), 3);
  assert.deepEqual([...chain], [2, 1, 7], 'into an array: newest first');
  assert.equal(p.personsInto('dob:absent', chain), 0);
  p.add('dob:1990', 9);
  assert.equal(personsOf(p, 'dob:1990'), null, 'past the cap: common');
  assert.equal(p.personsInto('dob:1990', chain), 0, 'a common key names no one');
  assert.equal(personsOf(p, 'dob:1990'), null);
  p.add('dob:1990', 10);
  assert.equal(personsOf(p, 'dob:1990'), null, 'a common key stays common');
  p.fetched('sn:1', null);
  assert.equal(p.known('sn:1'), true);
  assert.equal(personsOf(p, 'sn:1'), null, 'common in the registry');
  p.fetched('sn:2', []);
  assert.equal(p.known('sn:2'), true);
  assert.deepEqual(personsOf(p, 'sn:2'), []);
  assert.throws(() => new KeyPostings(256), RangeError);
});

test('key hashes differ for near keys and are stable', () => {
  const a = new Int32Array(2);
  const b = new Int32Array(2);
  const seen = new Set<string>();
  for (const key of [
    'ab',
    'ba',
    'a',
    'aa',
    'Самойленко',
    'Самойленка',
    'samoylenko|1990',
    'samoylenko|1991',
  ]) {
    keyHash(key, a);
    keyHash(key, b);
    assert.deepEqual(a, b);
    seen.add(`${a[0]}:${a[1]}`);
  }
  assert.equal(seen.size, 8);
});

test('postings stay as a plain map of lists would keep them while the pool is compacted again and again', () => {
  const CAP = 12;
  const p = new KeyPostings(CAP);
  const model = new Map<string, number[] | null>();
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const addTo = (key: string, person: number) => {
    if (model.get(key) === null) return; // common: names no one from then on
    const list = model.get(key) ?? [];
    if (!list.includes(person)) list.push(person);
    model.set(key, list.length > CAP ? null : list);
  };
  // Some 400,000 postings: the pool (65,536 at first) is compacted several times on the way.
  for (let step = 0; step < 400_000; step++) {
    const key = `k:${rand(60_000)}`;
    if (step % 50 === 0 && !p.known(key)) {
      // As the key table gives them: distinct persons, or none for a common key.
      const persons =
        rand(20) === 0 ? null : [...new Set(Array.from({ length: rand(5) }, () => rand(1_000_000)))];
      p.fetched(key, persons);
      if (persons === null) model.set(key, null);
      else {
        if (!model.has(key)) model.set(key, []);
        for (const x of persons) addTo(key, x);
      }
    } else {
      const person = rand(1_000_000);
      p.add(key, person);
      addTo(key, person);
    }
  }
  const chain = new Int32Array(CAP);
  for (const [key, list] of model) {
    assert.deepEqual(personsOf(p, key), list, key);
    const n = p.personsInto(key, chain);
    assert.deepEqual([...chain.subarray(0, n)].reverse(), list ?? []);
  }
});
