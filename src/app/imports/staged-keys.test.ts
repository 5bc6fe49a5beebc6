import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../db/dialects/dialect.js';
import { forEachDialect } from '../../db/testing/dialects.js';
import { inUnit } from '../context.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { isLinkageKey } from '../indexing.js';
import { StagedKeys, stagingStorage } from './staged-keys.js';
import { lookupKeys } from './row-prep.js';

test('staged keys go to a temporary file for an import, unless a transaction holds the connection', async () => {
  const database = openDatabase(':memory:');
  const handle = database.sqlite!;
  const store = () => handle.pragma('temp_store', { simple: true });
  try {
    assert.equal(store(), 2, 'the connection keeps temporary tables in memory');
    const restore = stagingStorage(database);
    assert.equal(store(), 1, 'an import puts them in a file');
    restore();
    assert.equal(store(), 2);
    // As an earlier import leaves it: the temporary database open, where SQLite refuses the
    // change inside a transaction.
    handle.exec('CREATE TEMP TABLE earlier (a); DROP TABLE earlier;');
    assert.throws(() => {
      handle.exec('BEGIN');
      try {
        handle.pragma('temp_store = FILE');
      } finally {
        handle.exec('ROLLBACK');
      }
    }, /temporary storage cannot be changed/);
    // Another request's transaction is open: nothing is changed, and nothing throws.
    handle.exec('BEGIN');
    const untouched = stagingStorage(database);
    assert.equal(store(), 2);
    untouched();
    handle.exec('COMMIT');
    // A transaction opened while the import ran: the file setting stays rather than throwing.
    const late = stagingStorage(database);
    handle.exec('CREATE TEMP TABLE staged (a); DROP TABLE staged;');
    handle.exec('BEGIN');
    assert.doesNotThrow(late);
    handle.exec('COMMIT');
    assert.equal(store(), 1);
  } finally {
    await database.close();
  }
});

forEachDialect('staged keys: reading the key table', (fx) => {
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
      const staged = await StagedKeys.open(u, 2);
      staged.learn(await lookupKeys(u.trx, u.database.dialect, [...keys, 'service:NOBODY'], 2));
      const out: number[] = [];
      for (const k of keys) {
        const listed = byKey.get(k)!;
        if (listed.length > 2) {
          assert.equal(staged.personsOf(k, out), false, `${k} names three persons: common`);
          assert.deepEqual(out, []);
        } else {
          assert.equal(staged.personsOf(k, out), true);
          assert.deepEqual(out, listed, `${k} lists its persons' seqs in the table's order`);
        }
      }
      assert.equal(staged.personsOf('service:NOBODY', out), true, 'a key the table lacks names no one');
      assert.deepEqual(out, []);
      await staged.drop();
    });
  });
});

/** Registers a person known by a family name alone; returns the person's id. */
async function registerFamily(app: ReturnType<typeof testApp>, sourceId: string, family: string) {
  const { person } = await app.persons.register(officer, {
    sourceId,
    claims: [{ field: 'family_name', value: family }],
  });
  return person.id;
}

forEachDialect('staged keys: reading what is staged', (fx) => {
  test('the staged persons under some keys, each (key, person) once; none under keys not staged', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Staged list');
    const a = await registerFamily(app, src.id, 'Коваленко');
    const b = await registerFamily(app, src.id, 'Бондар');
    await inUnit(app.ctx, async (u) => {
      const staged = await StagedKeys.open(u, 200);
      await staged.add([
        { personId: a, keys: ['dob:19900403', 'service:SN-1', 't:коваленко'] },
        { personId: b, keys: ['dob:19900403', 't:коваленко'] },
      ]);
      // A person staged twice (created, then given facts again by a later row of the import).
      await staged.add([{ personId: a, keys: ['dob:19900403', 'given_year:andrii|1990'] }]);
      const rows = await staged.under(['dob:19900403', 'given_year:andrii|1990', 'service:NOBODY']);
      const pairs = rows.map((r) => `${r.key} ${r.person_id}`).sort();
      assert.deepEqual(pairs, [`dob:19900403 ${a}`, `dob:19900403 ${b}`, `given_year:andrii|1990 ${a}`]);
      assert.deepEqual(await staged.under(['service:NOBODY']), []);
      assert.deepEqual(await staged.under([]), []);
      await staged.drop();
    });
  });

  test('on commit the staged rows reach both key tables once each, and the connection keeps its settings', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Committed list');
    const a = await registerFamily(app, src.id, 'Шевченко');
    const b = await registerFamily(app, src.id, 'Мельник');
    const settings = () => [
      database.sqlite?.pragma('cache_size', { simple: true }),
      database.sqlite?.pragma('threads', { simple: true }),
    ];
    const before = settings();
    await inUnit(app.ctx, async (u) => {
      const staged = await StagedKeys.open(u, 200);
      await staged.add([
        { personId: a, keys: ['zz:staged-2', 'zz:staged-1'] },
        { personId: b, keys: ['zz:staged-1'] },
      ]);
      await staged.add([{ personId: a, keys: ['zz:staged-1'] }]); // staged twice: written once
      await staged.commit();
    });
    assert.deepEqual(settings(), before);
    const pairs = async (table: 'blocking_keys' | 'person_keys') =>
      (
        await database.db
          .selectFrom(table)
          .innerJoin('persons', 'persons.seq', `${table}.person_seq`)
          .select([`${table}.key as key`, 'persons.id as id'])
          .where(`${table}.key`, 'like', 'zz:staged-%')
          .execute()
      )
        .map((r) => `${r.key} ${r.id}`)
        .sort();
    const expected = [`zz:staged-1 ${a}`, `zz:staged-1 ${b}`, `zz:staged-2 ${a}`].sort();
    assert.deepEqual(await pairs('blocking_keys'), expected);
    assert.deepEqual(await pairs('person_keys'), expected);
  });
});

test("staged keys rank a row's candidates: most keys shared first, ties in the order met, at most the bound", async () => {
  const app = testApp(openDatabase(':memory:'));
  const id = (k: number) => `01900000-0000-7000-8000-${String(k).padStart(12, '0')}`;
  await inUnit(app.ctx, async (u) => {
    const staged = await StagedKeys.open(u, 200);
    // Person k has keys a, b and c up to its share of them: 1 and 2 share all three, 3 two, 4 and 5 one.
    const keys: Record<number, string[]> = {
      1: ['dob:a', 'dob:b', 'dob:c'],
      2: ['dob:a', 'dob:b', 'dob:c'],
      3: ['dob:b', 'dob:c'],
      4: ['dob:a'],
      5: ['dob:c'],
    };
    // Persons by seq, given with their keys as an import gives its new persons'.
    await staged.add([5, 4, 3, 2, 1].map((k) => ({ personId: id(k), seq: k, keys: keys[k]! })));
    const ranked = (max: number) => staged.mostShared(['dob:a', 'dob:b', 'dob:c'], max).map(id);
    // Met in key order: a lists 4, 2, 1 (as added), b lists 3, 2, 1, c lists 5, 3, 2, 1.
    assert.deepEqual(
      ranked(10),
      [id(4), id(2), id(1), id(3), id(5)],
      'within the bound: every person, in the order met',
    );
    assert.deepEqual(ranked(3), [id(2), id(1), id(3)], 'past it: the most shared, ties in the order met');
    assert.deepEqual(ranked(3), [id(2), id(1), id(3)], 'the counts start again from zero for each row');
    assert.deepEqual(staged.mostShared(['dob:nobody'], 3), []);
    // Persons with larger seqs than any before are counted too (the counts grow with the seqs).
    const many = Array.from({ length: 3000 }, (_, k) => ({
      personId: id(100 + k),
      seq: 100 + k,
      keys: [`dob:x${k % 150}`],
    }));
    await staged.add(many);
    assert.deepEqual(
      staged.mostShared(['dob:x7'], 30).map(id),
      many.filter((_, k) => k % 150 === 7).map((m) => m.personId),
    );
    await staged.drop();
  });
});
