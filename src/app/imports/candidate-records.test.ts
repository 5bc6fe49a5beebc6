import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { storeMatchRecords } from '../match-records.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { CandidateRecords } from './candidate-records.js';
import { prepare, type PreparedSet } from '../../matching/index.js';

forEachDialect('candidate records kept by an import', (fx) => {
  test('are read once, forgotten when the person changes, and read again past the limit', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Candidates');
    const ids: string[] = [];
    for (const family of ['Самойленко', 'Коваленко', 'Бондар']) {
      const { person } = await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: 'Тарас' },
        ],
      });
      ids.push(person.id);
    }
    const [a, b, c] = ids as [string, string, string];
    // Persons by seq, as an import knows them: 0, 1, 2 and a seq whose id has no person.
    const all = [a, b, c, 'no-such-person'];
    const asked: number[] = [];
    const idOf = async (seqs: readonly number[]) => {
      asked.push(...seqs);
      return new Map(seqs.map((n) => [n, all[n]!]));
    };
    const records = new CandidateRecords(2);
    const rewrite = (id: string, name: string) =>
      database.db
        .transaction()
        .execute((trx) =>
          storeMatchRecords(trx, [{ personId: id, records: [{ id, fields: { family_name: name } }] }]),
        );
    /** The family-name feature of a name, as the engine prepares it. */
    const feature = (name: string) => {
      const S = prepare([{ id: 'x', fields: { family_name: name } }]);
      return S.strings[S.str.family[0]!];
    };
    const family = async (n: number) => {
      const { set, rows } = await records.gather(database.db, [n], idOf);
      return set.strings[set.str.family[rows.get(n)![0]!]!];
    };
    assert.equal(await family(0), feature('Самойленко'));
    await rewrite(a, 'Мельник');
    assert.equal(await family(0), feature('Самойленко'), 'kept: not read again');
    assert.deepEqual(asked, [0], 'an id is read only for a person not kept');
    records.forget([0]);
    assert.equal(await family(0), feature('Мельник'), 'forgotten: read again');
    const both = await records.gather(database.db, [1, 2, 3], idOf);
    assert.deepEqual([...both.rows.keys()], [1, 2], 'a person without records is left out');
    assert.equal(both.set.n, 2);
    assert.deepEqual(both.set.ids, [b, c]);
    await rewrite(a, 'Шевчук');
    assert.equal(await family(0), feature('Шевчук'), 'past the limit of two, every record is read again');
  });

  test("a person's several records are gathered together, in order, wherever the person stands", async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Several records');
    const ids: string[] = [];
    for (const family of ['Самойленко', 'Коваленко']) {
      const { person } = await app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'family_name', value: family }],
      });
      ids.push(person.id);
    }
    const [a, b] = ids as [string, string];
    await database.db.transaction().execute((trx) =>
      storeMatchRecords(trx, [
        {
          personId: a,
          records: ['Самойленко', 'Samoilenko', 'Samojlenko'].map((name) => ({
            id: a,
            fields: { family_name: name },
          })),
        },
      ]),
    );
    const records = new CandidateRecords();
    const idOf = async (seqs: readonly number[]) => new Map(seqs.map((n) => [n, ids[n]!]));
    const families = (set: PreparedSet, rows: readonly number[]) =>
      rows.map((j) => set.strings[set.str.family[j]!]);
    const first = await records.gather(database.db, [1, 0], idOf);
    assert.deepEqual(first.rows.get(1), [0]);
    assert.deepEqual(first.rows.get(0), [1, 2, 3], "person 0's three records follow person 1's one");
    assert.deepEqual(first.set.ids, [b, a, a, a]);
    // Kept: gathered again in another order, from the kept columns.
    const again = await records.gather(database.db, [0, 1], idOf);
    assert.deepEqual(again.rows.get(0), [0, 1, 2]);
    assert.deepEqual(again.rows.get(1), [3]);
    assert.deepEqual(families(again.set, again.rows.get(0)!), families(first.set, first.rows.get(0)!));
  });
});
