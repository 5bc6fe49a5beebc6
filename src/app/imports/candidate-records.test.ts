import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { storeMatchRecords } from '../match-records.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { CandidateRecords } from './candidate-records.js';

forEachDialect('candidate records kept by an import', (fx) => {
  test('are read once, forgotten when the person changes, and at most `limit` are kept', async () => {
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
    const records = new CandidateRecords(2);
    const rewrite = (id: string, name: string) =>
      database.db
        .transaction()
        .execute((trx) =>
          storeMatchRecords(trx, [{ personId: id, records: [{ id, fields: { family_name: name } }] }]),
        );
    const family = async (id: string) =>
      (await records.load(database.db, [id])).get(id)![0]!.fields.family_name;
    assert.equal(await family(a), 'Самойленко');
    await rewrite(a, 'Samoilenko');
    assert.equal(await family(a), 'Самойленко', 'kept: not read again');
    records.forget([a]);
    assert.equal(await family(a), 'Samoilenko', 'forgotten: read again');
    const both = await records.load(database.db, [b, c, 'no-such-person']);
    assert.deepEqual([...both.keys()], [b, c], 'a person without records is left out');
    await rewrite(a, 'Samojlenko');
    assert.equal(await family(a), 'Samojlenko', 'the limit of two pushed the first read out');
  });
});
