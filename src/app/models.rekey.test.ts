import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { defaultModel, serialiseModel } from '../matching/index.js';
import { admin, aSource, officer, testApp } from './testing/test-app.js';

forEachDialect('matching models: blocking rules', (fx) => {
  test('activating a model with other blocking rules re-keys every person, with progress', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const ids: string[] = [];
    for (const [family, given, year] of [
      ['Invented', 'Mykola', 1981],
      ['Madeup', 'Iryna', 1996],
      ['Fictional', 'Bohdan', 1970],
    ] as const)
      ids.push(
        (
          await app.persons.register(officer, {
            sourceId: src.id,
            claims: [
              { field: 'family_name', value: family },
              { field: 'given_name', value: given },
              { field: 'date_of_birth', value: { year } },
            ],
          })
        ).person.id,
      );
    const db = fx.database().db;
    const keysOf = async (prefix: string) =>
      (await db.selectFrom('blocking_keys').select('key').execute()).filter((r) => r.key.startsWith(prefix));
    assert.ok((await keysOf('family_year:')).length > 0, 'the shipped rules key by family name and year');
    // A model without that rule, as a document another deployment might have trained.
    const base = defaultModel();
    const model = {
      ...base,
      version: 'invented-rules-1',
      blocking: { ...base.blocking, rules: base.blocking.rules.filter((r) => r.name !== 'family_year') },
    };
    await db
      .insertInto('match_models')
      .values({
        version: model.version,
        json: serialiseModel(model),
        created_at: '2026-01-01T00:00:00Z',
        created_by: admin.userId,
        how: 'em',
        metrics: '{}',
        active: 0,
      })
      .execute();
    const progress: number[] = [];
    const r = await app.models.activate(admin, model.version, (done) => progress.push(done));
    assert.equal(r.reindexed, ids.length);
    assert.equal(progress.at(-1), ids.length);
    assert.deepEqual(await keysOf('family_year:'), [], 'keys of the dropped rule are gone');
    const found = await app.persons.search(officer, {
      fields: { family_name: 'Madeup', given_name: 'Iryna' },
    });
    assert.equal(found.items[0]?.id, ids[1]);
    assert.equal(found.modelVersion, model.version);
  });

  test('rekey re-derives keys and match records lost or made by older code; only an administrator may', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Rekey list');
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Vymyslenko' },
        { field: 'given_name', value: 'Ostap' },
      ],
    });
    const db = fx.database().db;
    const keysOfPerson = async () =>
      (
        await db
          .selectFrom('blocking_keys')
          .innerJoin('persons', 'persons.seq', 'blocking_keys.person_seq')
          .select('key')
          .where('persons.id', '=', person.id)
          .execute()
      )
        .map((r) => r.key)
        .sort();
    const before = await keysOfPerson();
    // As a registry older than the match records, or keyed by an older name-key function.
    await db.deleteFrom('match_records').where('person_id', '=', person.id).execute();
    const { seq } = await db
      .selectFrom('persons')
      .select('seq')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('blocking_keys').where('person_seq', '=', seq).execute();
    await db.deleteFrom('person_keys').where('person_seq', '=', seq).execute();
    await assert.rejects(
      app.models.rekey(officer),
      (e: unknown) => (e as { code?: string }).code === 'FORBIDDEN',
    );
    const r = await app.models.rekey(admin);
    assert.ok(r.reindexed >= 1);
    const after = await keysOfPerson();
    assert.deepEqual(after, before);
    const stored = await db
      .selectFrom('match_records')
      .select('records')
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    assert.ok(stored?.records.includes('Vymyslenko'));
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'registry.rekey')
      .execute();
    assert.equal(audit.length, 1);
  });
});
