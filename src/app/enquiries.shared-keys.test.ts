import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedKeys } from './enquiries.js';

test('re-matching keeps, per enquiry, the persons sharing the most keys, ties by id, up to the bound', () => {
  const shared = new SharedKeys();
  // Enquiry e1: p3 shares three keys, p2 two, p1 and p0 one each; e2: p9 one.
  for (const [e, p] of [
    ['e1', 'p1'],
    ['e1', 'p3'],
    ['e1', 'p2'],
    ['e1', 'p3'],
    ['e2', 'p9'],
    ['e1', 'p0'],
    ['e1', 'p2'],
    ['e1', 'p3'],
  ] as const)
    shared.add(e, p);
  const best = shared.best(3);
  assert.deepEqual(
    best.filter((h) => h.enquiry_id === 'e1').map((h) => h.person_id),
    ['p3', 'p2', 'p0'],
  );
  assert.deepEqual(
    best.filter((h) => h.enquiry_id === 'e2').map((h) => h.person_id),
    ['p9'],
  );
});

test('an enquiry sharing a key with thousands of persons is scored against the bound only', () => {
  const shared = new SharedKeys();
  for (let i = 0; i < 5000; i++) shared.add('e', `p${String(i).padStart(4, '0')}`);
  shared.add('e', 'p4999');
  const best = shared.best(300);
  assert.equal(best.length, 300);
  assert.equal(best[0]!.person_id, 'p4999');
  assert.equal(best[1]!.person_id, 'p0000');
});
