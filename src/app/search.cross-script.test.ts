import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError } from '../domain/index.js';
import { analyst, aSource, officer, testApp } from './testing/test-app.js';
import { queryRecord } from './search.js';

test('a free-text query is split into a name and a birth date or year', () => {
  assert.deepEqual(queryRecord('Kowaltschuk, Andrij 05.03.1994').fields, {
    date_of_birth: '05.03.1994',
    full_name: 'Kowaltschuk, Andrij',
  });
  assert.deepEqual(queryRecord('Ковальчук 1994').fields, { year_of_birth: '1994', full_name: 'Ковальчук' });
});

forEachDialect('registry search', (fx) => {
  test('finds one person across scripts, conventions and Russian name forms', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Search list');
    const target = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Ковальчук' },
        { field: 'given_name', value: 'Андрій' },
        { field: 'patronymic', value: 'Миколайович' },
        { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 } },
      ],
    });
    const others = [
      ['Коваленко', 'Андрій', 1994],
      ['Ковальчук', 'Олександр', 1971],
      ['Шевченко', 'Тарас', 1994],
    ] as const;
    for (const [family, given, year] of others)
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: given },
          { field: 'date_of_birth', value: { year } },
        ],
      });
    const queries = [
      'Kovalchuk Andrii 1994-03-05',
      'Kowaltschuk, Andrij 05.03.1994',
      'Kovaltchouk Andriy',
      'Ковальчук Андрей Николаевич',
      'KOVALCHUK Andrii',
    ];
    for (const q of queries) {
      const r = await app.persons.search(officer, { q });
      assert.equal(r.items[0]?.id, target.person.id, `query "${q}" should rank the person first`);
      const e = r.items[0]!.explanation;
      const sum = e.prior + e.contributions.reduce((s, c) => s + c.weight, 0);
      assert.ok(Math.abs(sum - e.weight) < 1e-6, 'contributions add up to the weight');
    }
    const typed = await app.persons.search(officer, { q: 'Kovalch' });
    assert.ok(
      typed.items.some((i) => i.id === target.person.id),
      'a prefix typed in Latin finds the Cyrillic record',
    );
  });

  test('search is for officers: analysts are refused', async () => {
    const app = testApp(fx.database());
    await assert.rejects(app.persons.search(analyst, { q: 'anything' }), (e) =>
      isDomainError(e, 'FORBIDDEN'),
    );
    await assert.rejects(app.persons.search(officer, {}), (e) => isDomainError(e, 'VALIDATION_FAILED'));
  });
});
