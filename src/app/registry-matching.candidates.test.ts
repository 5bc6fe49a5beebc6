import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { blockingKeys } from '../matching/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { candidatesByKeys } from './registry-matching.js';

forEachDialect('candidates by blocking keys', (fx) => {
  test('the persons sharing the most keys with the query come first, within the bound', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Candidates list');
    const register = async (
      family: string,
      given: string,
      dob: { year: number; month: number; day: number },
    ) =>
      (
        await app.persons.register(officer, {
          sourceId: src.id,
          claims: [
            { field: 'family_name', value: family },
            { field: 'given_name', value: given },
            { field: 'date_of_birth', value: dob },
          ],
        })
      ).person.id;
    // Registered first, so that reading keys in turn would meet them before the person sought.
    const sameDay = await register('Шевченко', 'Тарас', { year: 1994, month: 3, day: 5 });
    const sameName = await register('Ковальчук', 'Андрій', { year: 1971, month: 11, day: 20 });
    const sought = await register('Ковальчук', 'Андрій', { year: 1994, month: 3, day: 5 });
    const keys = blockingKeys(
      { id: 'q', fields: { full_name: 'Ковальчук Андрій', date_of_birth: '1994-03-05' } },
      app.ctx.matcher.model,
    );
    const db = fx.database().db;
    assert.deepEqual(await candidatesByKeys(db, keys, 1), [sought]);
    assert.deepEqual(
      await candidatesByKeys(db, keys, 2),
      [sought, sameName],
      'the namesake shares more than the birthday',
    );
    assert.deepEqual((await candidatesByKeys(db, keys, 10)).sort(), [sought, sameName, sameDay].sort());
    assert.deepEqual(
      await candidatesByKeys(db, keys, 10, sought),
      [sameName, sameDay],
      'the excluded person is left out',
    );
    // Keys read over several statements are counted together.
    const many = [...Array.from({ length: 450 }, (_, i) => `none:${i}`), ...keys];
    assert.deepEqual(await candidatesByKeys(db, many, 2), [sought, sameName]);
    assert.deepEqual(await candidatesByKeys(db, [], 5), []);
  });
});
