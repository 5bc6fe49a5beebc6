import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { nameKey } from '../matching/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { prefixCandidates, prefixPlan } from './search.js';

forEachDialect('search as you type: name-token prefixes', (fx) => {
  test('the rarest prefix is read first; a prefix nobody has ends the search at once', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Prefix list');
    const people = [
      ['Бондаренко', 'Олександр'],
      ['Коваленко', 'Олександр'],
      ['Мельник', 'Олександр'],
      ['Ткачишин', 'Олександр'],
      ['Ткачишин', 'Петро'],
    ] as const;
    const ids: string[] = [];
    for (const [family, given] of people) {
      const r = await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: given },
        ],
      });
      ids.push(r.person.id);
    }
    const db = fx.database().db;
    const given = `k:${nameKey('олександр')}`;
    const family = `k:${nameKey('ткачишин')}`;
    // Four persons are called Oleksandr, two Tkachyshyn: whatever the order typed, the surname leads.
    assert.deepEqual(await prefixPlan(db, [given, family]), [family, given]);
    assert.deepEqual(await prefixPlan(db, [family, given]), [family, given]);
    assert.deepEqual(await prefixPlan(db, [given, given]), [given], 'a prefix typed twice is read once');
    assert.deepEqual(await prefixPlan(db, [given, 'k:zzzq']), [], 'nobody has a key starting with k:zzzq');

    // An initial first ("О.", as a list writes it) is checked per person, not read as a range.
    assert.deepEqual(await prefixCandidates(db, 'О. Ткачиш', 400), [ids[3]]);
    assert.deepEqual(await prefixCandidates(db, 'Oleksandr Tkach', 400), [ids[3]], 'across scripts');
    assert.deepEqual((await prefixCandidates(db, 'Ткачишин', 400)).sort(), [ids[3], ids[4]].sort());
    assert.deepEqual(await prefixCandidates(db, 'Олександр Шевч', 400), [], 'no Shevchenko in the registry');
    assert.equal((await prefixCandidates(db, 'Олекс', 2)).length, 2, 'the limit holds');
  });
});
