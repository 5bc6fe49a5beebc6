import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { storeMatchRecords } from '../match-records.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { CandidateRecords } from './candidate-records.js';
import { prepare } from '../../matching/index.js';

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
    records.forget([a]);
    assert.equal(await family(0), feature('Мельник'), 'forgotten: read again');
    const both = await records.gather(database.db, [1, 2, 3], idOf);
    assert.deepEqual([...both.rows.keys()], [1, 2], 'a person without records is left out');
    assert.equal(both.set.n, 2);
    assert.deepEqual(both.set.ids, [b, c]);
    await rewrite(a, 'Шевчук');
    assert.equal(await family(0), feature('Шевчук'), 'past the limit of two, every record is read again');
  });
});
