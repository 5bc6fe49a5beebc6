import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { inUnit } from '../context.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { isLinkageKey } from '../indexing.js';
import { lookupKeys } from './row-prep.js';
import { CandidateFinder, ChunkCounter, listPerson, noneListed } from './candidate-finder.js';

forEachDialect("candidate finder: the key table's persons", (fx) => {
  test('a key lists its persons in the table order up to the cap; past it, it is common', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Fetch list');
    const person = (given: string, day: number, service: string) => ({
      sourceId: src.id,
      claims: [
        { field: 'family_name' as const, value: 'Коваленко' },
        { field: 'given_name' as const, value: given },
        { field: 'date_of_birth' as const, value: { year: 1990, month: 4, day } },
        { field: 'service_number' as const, value: service },
      ],
    });
    await app.persons.registerBatch(officer, src.id, [
      person('Андрій', 3, 'SN-1'),
      person('Андрій', 9, 'SN-2'),
      person('Богдан', 12, 'SN-3'),
    ]);
    const table = await app.ctx.database.db
      .selectFrom('blocking_keys')
      .select(['key', 'person_seq'])
      .orderBy('key')
      .orderBy('person_seq')
      .execute();
    const byKey = new Map<string, number[]>();
    for (const r of table) byKey.set(r.key, [...(byKey.get(r.key) ?? []), Number(r.person_seq)]);
    const keys = [...byKey.keys()].filter(isLinkageKey);
    const sizes = new Set(keys.map((k) => byKey.get(k)!.length));
    assert.deepEqual([...sizes].sort(), [1, 2, 3], 'keys of one, two and three persons');
    await inUnit(app.ctx, async (u) => {
      const finder = new CandidateFinder(2);
      finder.learn(await lookupKeys(u.trx, u.database.dialect, [...keys, 'service:NOBODY'], 2));
      const out: number[] = [];
      for (const k of keys) {
        const listed = byKey.get(k)!;
        if (listed.length > 2) {
          assert.equal(finder.personsOf(k, out), false, `${k} names three persons: common`);
          assert.deepEqual(out, []);
        } else {
          assert.equal(finder.personsOf(k, out), true);
          assert.deepEqual(out, listed, `${k} lists its persons' seqs in the table's order`);
        }
      }
      assert.equal(finder.personsOf('service:NOBODY', out), true, 'a key the table lacks names no one');
      assert.deepEqual(out, []);
    });
  });
});

test("a row's candidates: most keys shared first, ties in the order met, at most the bound", () => {
  const finder = new CandidateFinder(200);
  const add = (items: { seq: number; keys: string[] }[]) => {
    const listed = noneListed();
    for (const { seq, keys } of items) listPerson(listed, seq, keys);
    finder.list(listed);
  };
  // Person k has keys a, b and c up to its share of them: 1 and 2 share all three, 3 two, 4 and 5 one.
  const keys: Record<number, string[]> = {
    1: ['dob:a', 'dob:b', 'dob:c'],
    2: ['dob:a', 'dob:b', 'dob:c'],
    3: ['dob:b', 'dob:c'],
    4: ['dob:a'],
    5: ['dob:c'],
  };
  // Persons by seq, given with their keys as an import gives its new persons'.
  add([5, 4, 3, 2, 1].map((k) => ({ seq: k, keys: keys[k]! })));
  const ranked = (max: number) => finder.mostShared(['dob:a', 'dob:b', 'dob:c'], max);
  // Met in key order: a lists 4, 2, 1 (as added), b lists 3, 2, 1, c lists 5, 3, 2, 1.
  assert.deepEqual(ranked(10), [4, 2, 1, 3, 5], 'within the bound: every person, in the order met');
  assert.deepEqual(ranked(3), [2, 1, 3], 'past it: the most shared, ties in the order met');
  assert.deepEqual(ranked(3), [2, 1, 3], 'the counts start again from zero for each row');
  assert.deepEqual(finder.mostShared(['dob:nobody'], 3), []);
  // Persons with larger seqs than any before are counted too (the counts grow with the seqs).
  const many = Array.from({ length: 3000 }, (_, k) => ({
    seq: 100 + k,
    keys: [`dob:x${k % 150}`],
  }));
  add(many);
  assert.deepEqual(
    finder.mostShared(['dob:x7'], 30),
    many.filter((_, k) => k % 150 === 7).map((m) => m.seq),
  );
});

test('a chunk is counted once every chunk before it is applied, finding the persons they listed', async () => {
  const counter = new ChunkCounter(200);
  const found = (keys: string[], counts: number[], seqs: number[]) => ({
    keys,
    counts: Int32Array.from(counts),
    seqs: Int32Array.from(seqs),
  });
  const first = counter.begin();
  const second = counter.begin();
  // The key table names person 1 under dob:a, and no one under service:SN-1.
  const looked = found(['dob:a', 'service:SN-1'], [1, 0], [1]);
  counter.looked(looked);
  assert.equal(counter.known('dob:a'), true, 'being looked up for a chunk: not looked up again');
  assert.equal(counter.known('dob:b'), false);
  assert.deepEqual(await counter.count(first, [['dob:a', 't:x'], ['service:SN-1']], looked), [[1], []]);
  assert.equal(counter.finder.known('service:SN-1'), true, 'learnt when counted');
  let second_: number[][] | null = null;
  const pending = counter.count(second, [['dob:a', 'service:SN-1']], found([], [], [])).then((c) => {
    second_ = c;
    return c;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(second_, null, 'not counted before the first chunk is applied');
  // The first chunk created person 7 with both keys, and gave person 1 a service number.
  // Person 7 by reference to the first chunk's first row, whose keys the counter kept.
  const listed = noneListed();
  listPerson(listed, 7, { row: 0, text: '["dob:a","t:x"]' });
  listPerson(listed, 8, ['t:y', 'service:SN-1']);
  listPerson(listed, 1, ['service:SN-1']);
  assert.deepEqual(listed.rows, [0, -1, -1]);
  assert.deepEqual(listed.keys, ['service:SN-1', 'service:SN-1'], 'keys given: linkage keys only');
  counter.applied(listed);
  assert.deepEqual(
    await pending,
    [[1, 7, 8]],
    'the persons the first chunk listed are found, in the order listed',
  );
  // The second chunk has one row: a reference to its sixth is refused.
  const bad = noneListed();
  listPerson(bad, 9, { row: 5, text: '[]' });
  assert.throws(() => counter.applied(bad), /no row 5/);
});
