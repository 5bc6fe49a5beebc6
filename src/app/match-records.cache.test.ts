import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import type { Database } from '../db/dialects/dialect.js';
import { loadRecord } from '../db/repositories/person-repository.js';
import { clusterIds } from '../db/repositories/person-repository.js';
import { asId, liveClaims, type PersonId } from '../domain/index.js';
import { loadMatchRecords, matchRecordsOf } from './match-records.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { tempFile } from './imports/testing/fixtures.js';

/** What the stored row holds, or null when there is none. */
async function stored(database: Database, id: string) {
  const row = await database.db
    .selectFrom('match_records')
    .select('records')
    .where('person_id', '=', id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.records) as { fields: Record<string, string> }[]) : null;
}

/** The records computed afresh from the live claims of the person and the records merged into it. */
async function computed(database: Database, id: string) {
  const ids = await clusterIds(database.db, asId<PersonId>(id));
  const record = await loadRecord(database.db, ids);
  const retracted = new Set<string>(record.claimRetractions.map((r) => r.claimId));
  return matchRecordsOf(id, liveClaims(record.claims, retracted)).map((r) => ({ fields: r.fields }));
}

forEachDialect('stored match records', (fx) => {
  test('follow every write on a person: registration, conflicting claims, retraction, merge and its undo', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Cache list');
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Самойленко' },
        { field: 'given_name', value: 'Тарас' },
        { field: 'date_of_birth', value: { year: 1990, month: 4, day: 2 } },
      ],
    });
    assert.deepEqual(await stored(database, person.id), await computed(database, person.id));
    assert.equal((await stored(database, person.id))!.length, 1);

    const { claimId } = await app.persons.addClaim(officer, person.id, {
      sourceId: src.id,
      claim: { field: 'family_name', value: 'Samoilenko', confidence: 'unconfirmed' },
    });
    const withSpelling = await stored(database, person.id);
    assert.equal(withSpelling!.length, 2, 'a second spelling of the family name is a second record');
    assert.deepEqual(withSpelling, await computed(database, person.id));

    await app.persons.retractClaim(officer, person.id, claimId, { reason: 'another person' });
    assert.deepEqual(await stored(database, person.id), await computed(database, person.id));
    assert.equal((await stored(database, person.id))!.length, 1);

    const other = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Samojlenko' },
        { field: 'given_name', value: 'Taras' },
        { field: 'unit', value: '12th brigade' },
      ],
    });
    const { mergeId } = await app.persons.merge(officer, {
      survivorId: person.id,
      mergedId: other.person.id,
      reason: 'same person',
    });
    assert.equal(
      await stored(database, other.person.id),
      null,
      'a merged record is scored through its survivor',
    );
    const merged = await stored(database, person.id);
    assert.equal(
      merged![0]!.fields['unit'],
      '12th brigade',
      "the survivor's records hold the merged record's facts",
    );
    assert.deepEqual(merged, await computed(database, person.id));

    await app.persons.undoMerge(officer, mergeId, { reason: 'two persons after all' });
    assert.deepEqual(await stored(database, person.id), await computed(database, person.id));
    assert.deepEqual(await stored(database, other.person.id), await computed(database, other.person.id));
  });

  test('bulk registration and imports store them, also for a person an import adds facts to', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Bulk list');
    const { ids } = await app.persons.registerBatch(officer, src.id, [
      {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Коваленко' },
          { field: 'given_name', value: 'Андрій' },
          { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 } },
          { field: 'service_number', value: 'SN-1001' },
        ],
      },
      { sourceId: src.id, claims: [{ field: 'family_name', value: 'Мельник' }] },
    ]);
    for (const id of ids) assert.deepEqual(await stored(database, id), await computed(database, id));

    const list = [
      "Номер,Прізвище,Ім'я,Дата народження,Особовий номер,Звання",
      'L-1,Коваленко,Андрій,05.03.1994,SN-1001,солдат',
      'L-2,Бондар,Олег,01.01.1980,SN-2002,',
    ].join('\n');
    const r = await app.imports.run(officer, tempFile('cache.csv', list), {
      sourceId: (await aSource(app, 'Second list')).id,
      mapping: { source_record_id: 'Номер' },
    });
    assert.equal(r.linked, 1);
    assert.equal(r.created, 1);
    assert.deepEqual(
      await stored(database, ids[0]!),
      await computed(database, ids[0]!),
      "the linked person's records are recomputed with the row's facts",
    );
    const loaded = await loadMatchRecords(database.db, [ids[0]!]);
    assert.equal(loaded.get(ids[0]!)![0]!.fields.rank, 'солдат', "the imported row's facts count");
    const created = await database.db
      .selectFrom('import_rows')
      .select('person_id')
      .where('row_ref', '=', 'L-2')
      .executeTakeFirstOrThrow();
    assert.deepEqual(await stored(database, created.person_id), await computed(database, created.person_id));
  });
});
