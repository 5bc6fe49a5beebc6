import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError } from '../domain/index.js';
import { aSource, officer, registrar, testApp } from './testing/test-app.js';

forEachDialect('duplicate review', (fx) => {
  test('a likely duplicate is queued on registration; accepting merges with the model version', async () => {
    const app = testApp(fx.database());
    const ua = await aSource(app, 'Ukrainian list');
    const ru = await aSource(app, 'Russian list');
    const a = await app.persons.register(officer, {
      sourceId: ua.id,
      claims: [
        { field: 'family_name', value: 'Самойленко' },
        { field: 'given_name', value: 'Ілля' },
        { field: 'date_of_birth', value: { year: 1988, month: 7, day: 12 } },
        { field: 'unit', value: '12th Regiment' },
      ],
    });
    const b = await app.persons.register(officer, {
      sourceId: ru.id,
      claims: [
        { field: 'family_name', value: 'Samoylenko' },
        { field: 'given_name', value: 'Ilya' },
        { field: 'date_of_birth', value: { year: 1988, month: 7, day: 12 } },
      ],
    });
    await app.persons.register(officer, {
      sourceId: ru.id,
      claims: [
        { field: 'family_name', value: 'Petrenko' },
        { field: 'given_name', value: 'Ivan' },
        { field: 'date_of_birth', value: { year: 1970 } },
      ],
    });
    const queue = await app.review.list(officer, {});
    const item = queue.items.find(
      (i) => [i.leftId, i.rightId].includes(a.person.id) && [i.leftId, i.rightId].includes(b.person.id),
    );
    assert.ok(item, 'the pair is queued');
    assert.equal(queue.items.length, 1, 'an unrelated person is not queued');
    const detail = await app.review.get(officer, item.id);
    assert.ok(detail.current!.probability >= 0.5);
    assert.ok(detail.left.view.fields.family_name);
    await assert.rejects(app.review.decide(registrar, item.id, { decision: 'accepted' }), (e) =>
      isDomainError(e, 'FORBIDDEN'),
    );
    const decided = await app.review.decide(officer, item.id, {
      decision: 'accepted',
      reason: 'same birth date and name',
    });
    assert.ok(decided.mergeId);
    const survivor = await app.persons.get(officer, item.leftId);
    assert.equal(survivor.merges[0]!.modelVersion, item.modelVersion);
    assert.equal(survivor.view.fields.family_name!.conflicts.length, 1, 'both spellings remain');
    await assert.rejects(app.review.decide(officer, item.id, { decision: 'rejected' }), (e) =>
      isDomainError(e, 'STATE_INVALID'),
    );
    assert.equal((await app.review.list(officer, {})).items.length, 0);
    assert.equal((await app.review.list(officer, { status: 'accepted' })).items.length, 1);
  });
});
