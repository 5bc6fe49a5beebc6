import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError } from '../domain/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';

forEachDialect('bulk registration', (fx) => {
  test('registers many persons at once with their derived status and name keys', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Bulk list');
    const inputs = Array.from({ length: 60 }, (_, i) => ({
      claims: [
        { field: 'family_name', value: `Petrenko${i % 3}` },
        { field: 'given_name', value: 'Oleh' },
      ],
      events: i % 2 ? [{ kind: 'interned', date: { year: 2022, month: 5 } }] : [],
    }));
    const r = await app.persons.registerBatch(
      officer,
      src.id,
      inputs.map((x) => ({ sourceId: src.id, ...x })),
    );
    assert.equal(r.ids.length, 60);
    assert.equal(r.claims, 120);
    const custody = await app.persons.list(officer, { state: 'in_custody', sourceId: src.id, limit: 500 });
    assert.equal(custody.items.length, 30);
    const named = await app.persons.list(officer, { q: 'petrenko1 oleh', sourceId: src.id, limit: 500 });
    assert.equal(named.items.length, 20);
  });

  test('one bad person refuses the whole batch, naming where', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Bad bulk list');
    const inputs = Array.from({ length: 5 }, (_, i) => ({
      sourceId: src.id,
      claims: [
        { field: 'date_of_birth', value: i === 3 ? { year: 1990, month: 2, day: 30 } : { year: 1990 } },
      ],
    }));
    await assert.rejects(app.persons.registerBatch(officer, src.id, inputs), (e) => {
      assert.ok(isDomainError(e, 'VALIDATION_FAILED'));
      assert.equal(e.issues[0]!.path, '3.claims.0.value');
      return true;
    });
    const listed = await app.persons.list(officer, { sourceId: src.id });
    assert.equal(listed.items.length, 0);
  });
});
