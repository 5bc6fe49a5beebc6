import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PersonNumbers } from './person-numbers.js';

/** A time-ordered UUID-shaped id from a counter (the shape the service makes). */
function uuid(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `0190a1b2-c3d4-7e5f-8a6b-${hex}`;
}

test('ids are numbered in the order met, read in place from a list, across table growth', () => {
  const numbers = new PersonNumbers();
  const ids = Array.from({ length: 5000 }, (_, i) => uuid(i * 7919));
  ids.forEach((id, i) => assert.equal(numbers.of(id), i));
  assert.equal(numbers.size, ids.length);
  const list = ids.slice(100, 200).join(',');
  let from = 0;
  for (let i = 100; i < 200; i++) {
    const to = list.indexOf(',', from) < 0 ? list.length : list.indexOf(',', from);
    assert.equal(numbers.at(list, from, to), i, 'an id read from a list has its number');
    from = to + 1;
  }
  assert.equal(numbers.size, ids.length, 'nothing is numbered twice');
  ids.forEach((id, i) => assert.equal(numbers.id(i), id));
});

test('ids that are not lower-case UUIDs are numbered too, apart from those that look alike', () => {
  const numbers = new PersonNumbers();
  const lower = uuid(42);
  const upper = lower.toUpperCase();
  const a = numbers.of(lower);
  const b = numbers.of(upper);
  const c = numbers.of('p-1');
  assert.deepEqual([a, b, c], [0, 1, 2]);
  assert.equal(numbers.of(upper), 1, 'upper case is a different id');
  assert.equal(numbers.at('x,p-1,y', 2, 5), 2);
  for (let i = 0; i < 3000; i++) numbers.of(uuid(1_000_000 + i)); // past a rehash
  assert.equal(numbers.of('p-1'), 2);
  assert.equal(numbers.of(lower), 0);
  assert.equal(numbers.id(1), upper);
});

test('every digit of a UUID counts, and a bad character anywhere makes it another id', () => {
  const numbers = new PersonNumbers();
  const ids = Array.from({ length: 2000 }, () => randomUUID());
  ids.forEach((id, i) => assert.equal(numbers.of(id), i));
  ids.forEach((id, i) => assert.equal(numbers.id(i), id, 'written out again from its words'));
  const base = ids[0]!;
  for (let at = 0; at < 36; at++) {
    if (base[at] === '-') continue;
    // One digit changed: a different UUID. A character that is not a digit: an id of another shape.
    const digit = base[at] === '0' ? '1' : '0';
    const changed = `${base.slice(0, at)}${digit}${base.slice(at + 1)}`;
    const bad = `${base.slice(0, at)}g${base.slice(at + 1)}`;
    const n = numbers.of(changed);
    assert.notEqual(n, 0, `digit ${at} is read`);
    assert.equal(numbers.id(n), changed);
    const m = numbers.of(bad);
    assert.equal(numbers.id(m), bad, `a bad character at ${at} is kept as written`);
  }
});
