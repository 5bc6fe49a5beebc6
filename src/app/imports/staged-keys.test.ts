import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../db/dialects/dialect.js';
import { forEachDialect } from '../../db/testing/dialects.js';
import { inUnit } from '../context.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { StagedKeys, stagingStorage, type StagedPerson } from './staged-keys.js';
import { seqsOfPersons } from '../../db/repositories/person-repository.js';

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
      const staged = await StagedKeys.open(u);
      const add = async (items: StagedPerson[]) => staged.stage(await staged.list(items));
      await add([
        { personId: a, keys: ['dob:19900403', 'service:SN-1', 't:коваленко'] },
        { personId: b, keys: ['dob:19900403', 't:коваленко'] },
      ]);
      // A person staged twice (created, then given facts again by a later row of the import).
      await add([{ personId: a, keys: ['dob:19900403', 'given_year:andrii|1990'] }]);
      // A row's keys by reference, staged as the text given.
      await add([{ personId: b, keys: { row: 0, text: '["zz:from-row"]' } }]);
      assert.deepEqual(await staged.under(['zz:from-row']), [{ key: 'zz:from-row', person_id: b }]);
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
    const keysOfA = async (table: 'blocking_keys' | 'person_keys') =>
      (
        await database.db
          .selectFrom(table)
          .innerJoin('persons', 'persons.seq', `${table}.person_seq`)
          .select(`${table}.key as key`)
          .where('persons.id', '=', a)
          .execute()
      )
        .map((r) => r.key)
        .sort();
    const registered = await keysOfA('person_keys');
    assert.ok(registered.length > 0, 'the registered person has keys');
    await inUnit(app.ctx, async (u) => {
      const staged = await StagedKeys.open(u);
      const add = async (items: StagedPerson[]) => staged.stage(await staged.list(items));
      await add([
        { personId: a, keys: ['zz:staged-2', 'zz:staged-1', registered[0]!] }, // one already there
        { personId: b, keys: ['zz:staged-1'] },
      ]);
      await add([{ personId: a, keys: ['zz:staged-1'] }]); // staged twice: written once
      await staged.commit();
    });
    assert.deepEqual(settings(), before);
    const all = [...registered, 'zz:staged-1', 'zz:staged-2'].sort();
    assert.deepEqual(await keysOfA('blocking_keys'), all, 'a key already there is kept once');
    assert.deepEqual(await keysOfA('person_keys'), all);
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

forEachDialect('staged keys: the persons listed', (fx) => {
  test('are taken in the order listed, with their seqs and linkage keys', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Listed list');
    const a = await registerFamily(app, src.id, 'Ткаченко');
    const b = await registerFamily(app, src.id, 'Гончар');
    await inUnit(app.ctx, async (u) => {
      const staged = await StagedKeys.open(u);
      const seqs = await staged.list([
        { personId: b, keys: ['dob:19900403', 't:гончар'] },
        { personId: 'not-stored-yet', seq: 9001, keys: ['service:SN-9'] },
        { personId: a, keys: ['k:tkachenko'] },
        { personId: a, keys: { row: 4, text: '["dob:19900403"]' } },
      ]);
      const [sb, , sa, again] = seqs.map((x) => x.seq);
      assert.equal(again, sa);
      assert.equal(seqs[1]!.seq, 9001, 'a seq given is kept: the person is not stored yet');
      assert.ok(sa !== undefined && sb !== undefined && sa !== sb);
      assert.deepEqual(
        await seqsOfPersons(u.trx, [a, b]),
        new Map([
          [a, sa!],
          [b, sb!],
        ]),
        "the persons' own seqs",
      );
      const listed = staged.takeListed();
      assert.deepEqual(listed.seqs, [sb, 9001, sa, sa]);
      assert.deepEqual(listed.rows, [-1, -1, -1, 4], 'the last by its row of the chunk');
      // Name-token keys (t:) rank no candidates: only linkage keys are listed.
      assert.deepEqual(listed.keys, ['dob:19900403', 'service:SN-9']);
      assert.deepEqual(listed.ends, [1, 2, 2, 2]);
      assert.deepEqual(staged.takeListed().seqs, [], 'taken once');
      await assert.rejects(staged.list([{ personId: 'nobody', keys: [] }]), { code: 'INTERNAL' });
      await staged.drop();
    });
  });
});
