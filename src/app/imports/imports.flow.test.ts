import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { tableCounts, tempFile } from './testing/fixtures.js';
import type { Database } from '../../db/dialects/dialect.js';

const LIST = [
  "Номер,Прізвище,Ім'я,По батькові,Дата народження,Статус,Дата,Місце",
  'A-1,Коваленко,Андрій,Миколайович,05.03.1994,полонений,20.05.2022,Оленівка',
  'A-2,Шевченко,Олег,Петрович,25.12.1990,зник безвісти,,',
  'A-3,Бойко,Іван,,31.02.1985,,,',
].join('\n');

/** The person each row of a batch landed on, by row reference. */
async function personOfRow(database: Database, batchId: string): Promise<Map<string, string>> {
  const rows = await database.db
    .selectFrom('import_rows')
    .select(['row_ref', 'person_id'])
    .where('batch_id', '=', batchId)
    .execute();
  return new Map(rows.map((x) => [x.row_ref, x.person_id]));
}

forEachDialect('imports: the flow', (fx) => {
  test('a list lands as persons with claims and events naming source, batch and row; bad dates are rejected where they are', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'flow list');
    const place = await app.places.create(officer, {
      name: 'Olenivka',
      kind: 'detention_site',
      variants: ['Оленівка'],
    });
    const r = await app.imports.run(officer, tempFile('list.csv', LIST), {
      sourceId: src.id,
      mapping: { source_record_id: 'Номер' },
    });
    assert.equal(r.created, 2);
    assert.equal(r.rejectedCount, 1);
    assert.deepEqual(r.rejected[0], {
      row: 4,
      column: 'Дата народження',
      code: 'DATE_INVALID',
      message: r.rejected[0]!.message,
      value: '31.02.1985',
    });
    const claims = await fx
      .database()
      .db.selectFrom('claims')
      .select(['batch_id', 'row_ref', 'source_id'])
      .where('source_id', '=', src.id)
      .execute();
    assert.ok(claims.length >= 8);
    assert.ok(claims.every((c) => c.batch_id === r.batchId && (c.row_ref === 'A-1' || c.row_ref === 'A-2')));
    const ev = await fx
      .database()
      .db.selectFrom('status_events')
      .selectAll()
      .where('row_ref', '=', 'A-1')
      .executeTakeFirstOrThrow();
    assert.equal(ev.kind, 'captured');
    assert.equal(ev.place_id, place.id);
    const batch = await fx
      .database()
      .db.selectFrom('import_batches')
      .selectAll()
      .where('id', '=', r.batchId)
      .executeTakeFirstOrThrow();
    assert.equal(batch.state, 'committed');
  });

  test('importing the same rows again, from the same or another file, changes nothing', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'idempotent list');
    const path = tempFile('list.csv', LIST);
    await app.imports.run(officer, path, { sourceId: src.id });
    const before = await tableCounts(fx.database());
    const again = await app.imports.run(officer, path, { sourceId: src.id });
    assert.equal(again.unchanged, 2);
    assert.equal(again.created + again.linked + again.updated, 0);
    const reordered = [LIST.split('\n')[0], LIST.split('\n')[2], LIST.split('\n')[1]].join('\n');
    const other = await app.imports.run(officer, tempFile('other.csv', reordered), { sourceId: src.id });
    assert.equal(other.unchanged, 2);
    const after = await tableCounts(fx.database());
    // Only the two batch records and their audit entries are new.
    assert.deepEqual(
      { ...after, import_batches: 0, audit_log: 0 },
      { ...before, import_batches: 0, audit_log: 0 },
    );
  });

  test('a changed row supersedes its earlier claims, asserted at the new source date', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'changing list');
    const map = { source_record_id: 'Номер' } as const;
    await app.imports.run(officer, tempFile('v1.csv', LIST), {
      sourceId: src.id,
      mapping: map,
      sourceDate: '2022-06-01',
    });
    const v2 = LIST.replace('Коваленко,Андрій', 'Коваленко,Андрiй Іванович');
    const r = await app.imports.run(officer, tempFile('v2.csv', v2), {
      sourceId: src.id,
      mapping: map,
      sourceDate: '2022-07-01',
    });
    assert.equal(r.updated, 1);
    assert.equal(r.unchanged, 1);
    const given = await fx
      .database()
      .db.selectFrom('claims')
      .selectAll()
      .where('source_id', '=', src.id)
      .where('row_ref', '=', 'A-1')
      .where('field', '=', 'given_name')
      .orderBy('recorded_at')
      .execute();
    assert.equal(given.length, 2);
    assert.equal(given[1]!.supersedes, given[0]!.id);
    assert.equal(given[1]!.asserted_at, '2022-07-01');
  });

  test('a dry run reports what would happen and writes nothing', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'dry list');
    const before = await tableCounts(fx.database());
    const r = await app.imports.run(officer, tempFile('list.csv', LIST), { sourceId: src.id, dryRun: true });
    assert.equal(r.dryRun, true);
    assert.equal(r.created + r.linked, 2);
    assert.deepEqual(await tableCounts(fx.database()), before);
  });

  test('a row matching a registry person above the match threshold is linked to it', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'registry');
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Ткаченко' },
        { field: 'given_name', value: 'Богдан' },
        { field: 'patronymic', value: 'Сергійович' },
        { field: 'date_of_birth', value: { year: 1988, month: 7, day: 14 } },
        { field: 'service_number', value: 'SN-778899' },
      ],
      events: [],
    });
    // Registered after the person, so its seq follows: key rows of the link given to the wrong seq
    // land on it or on no person at all.
    const { person: other } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Гончаренко' },
        { field: 'given_name', value: 'Ярослава' },
        { field: 'date_of_birth', value: { year: 1979, month: 2, day: 3 } },
      ],
      events: [],
    });
    const keyRows = async () => {
      const db = fx.database().db;
      const persons = await db.selectFrom('persons').select(['id', 'seq']).execute();
      const idOf = new Map(persons.map((p) => [Number(p.seq), p.id]));
      const out = new Map<string, string[]>();
      for (const table of ['person_keys', 'blocking_keys'] as const)
        for (const k of await db.selectFrom(table).select(['person_seq', 'key']).execute()) {
          const id = idOf.get(Number(k.person_seq)) ?? `no person (seq ${k.person_seq})`;
          out.set(id, [...(out.get(id) ?? []), `${table}:${k.key}`].sort());
        }
      return out;
    };
    const before = await keyRows();
    const list =
      'family_name,given_name,patronymic,date_of_birth,service_number,status\nТкаченко,Богдан,Сергійович,1988-07-14,SN-778899,wounded\n';
    const r = await app.imports.run(officer, tempFile('link.csv', list), { sourceName: 'hospital list' });
    assert.equal(r.linked, 1);
    assert.equal(r.created, 0);
    const detail = await app.persons.get(officer, person.id);
    assert.ok(detail.timeline.some((e) => e.kind === 'wounded'));
    const after = await keyRows();
    assert.deepEqual(
      [...after.keys()].filter((id) => id.startsWith('no person')),
      [],
      'key rows name stored persons only',
    );
    assert.deepEqual(after.get(other.id), before.get(other.id), 'the other person keeps its keys');
    for (const k of before.get(person.id)!) assert.ok(after.get(person.id)!.includes(k));
  });

  test('ambiguous dates follow the dominant order of the file and are counted', async () => {
    const app = testApp(fx.database());
    const list = 'full_name,date_of_birth\nСавченко Марія Іванівна,12/25/1990\nМороз Олена,03/04/1992\n';
    const r = await app.imports.run(officer, tempFile('mdy.csv', list), { sourceName: 'mdy list' });
    assert.equal(r.dateOrder, 'MDY');
    assert.equal(r.ambiguousDates, 1);
    const rows = await fx
      .database()
      .db.selectFrom('claims')
      .select(['field', 'value'])
      .where('batch_id', '=', r.batchId)
      .execute();
    const values = rows.map((x) => `${x.field}=${x.value}`);
    assert.ok(values.includes('date_of_birth={"year":1992,"month":3,"day":4}'));
    assert.ok(values.includes('family_name="Савченко"') && values.includes('patronymic="Іванівна"'));
  });

  test('a mapping saved as a preset is used again by name', async () => {
    const app = testApp(fx.database());
    const list = 'Col A,Col B\nЛисенко,Тарас\n';
    const map = { family_name: 'Col A', given_name: 'Col B' } as const;
    await app.imports.run(officer, tempFile('p.csv', list), {
      sourceName: 'preset list',
      mapping: map,
      savePreset: 'cards',
    });
    const presets = await app.imports.listPresets(officer);
    assert.deepEqual(presets.find((p) => p.name === 'cards')?.mapping, {
      'Col A': 'family_name',
      'Col B': 'given_name',
    });
    const r = await app.imports.run(officer, tempFile('p2.csv', 'Col A,Col B\nРуденко,Юрій\n'), {
      sourceName: 'preset list',
      preset: 'cards',
    });
    assert.equal(r.created, 1);
  });

  test('a person listed twice in one chunk of a file becomes one person; a brother stays apart', async () => {
    const app = testApp(fx.database());
    const list = [
      "Номер,Прізвище,Ім'я,По батькові,Дата народження,Особовий номер",
      'T-1,Гончаренко,Богдан,Ігорович,14.07.1989,AB-553311',
      'T-2,Гончаренко,Ярослав,Ігорович,02.11.1996,AB-771204',
      'T-3,Гончаренко,Богдан,Игоревич,14.07.1989,AB-553311',
    ].join('\n');
    {
      const r = await app.imports.run(officer, tempFile('twice.csv', list), {
        sourceName: 'twice',
        mapping: { source_record_id: 'Номер' },
      });
      assert.equal(r.created, 2, 'the brothers are two persons');
      assert.equal(r.linked, 1, "the third row is the first row's person");
      const person = await personOfRow(fx.database(), r.batchId);
      assert.equal(person.get('T-3'), person.get('T-1'));
      assert.notEqual(person.get('T-2'), person.get('T-1'));
    }
  });

  test('a row links to the person an earlier chunk created, and every new person is searchable once the import ends', async () => {
    const app = testApp(fx.database());
    const list = [
      "Номер,Прізвище,Ім'я,По батькові,Дата народження,Особовий номер",
      'C-1,Пилипенко,Остап,Тарасович,09.09.1991,KX-410072',
      'C-2,Ярема,Назар,Богданович,17.01.1987,KX-118833',
      'C-3,Пилипенко,Остап,Тарасович,09.09.1991,KX-410072',
    ].join('\n');
    const before = await fx.database().db.selectFrom('blocking_keys').select('key').execute();
    // One row per chunk: the third row meets the first one's person only through the keys the
    // first chunk left for the key table.
    const r = await app.imports.run(officer, tempFile('chunks.csv', list), {
      sourceName: 'chunked list',
      mapping: { source_record_id: 'Номер' },
      chunkSize: 1,
    });
    assert.equal(r.created, 2);
    assert.equal(r.linked, 1);
    const person = await personOfRow(fx.database(), r.batchId);
    assert.equal(person.get('C-3'), person.get('C-1'));
    const keys = await fx
      .database()
      .db.selectFrom('blocking_keys')
      .innerJoin('persons', 'persons.seq', 'blocking_keys.person_seq')
      .select(['persons.id as person_id', 'blocking_keys.key'])
      .where('persons.id', 'in', [person.get('C-1')!, person.get('C-2')!])
      .execute();
    assert.ok(keys.some((k) => k.person_id === person.get('C-1') && k.key.startsWith('t:пилипенко')));
    assert.ok(keys.some((k) => k.person_id === person.get('C-2') && k.key.startsWith('t:ярема')));
    const found = await app.persons.search(officer, { q: 'Pylypenko Ostap' });
    assert.equal(found.items[0]?.id, person.get('C-1'));
    // A dry run of another list stages its keys and leaves none behind.
    const after = await fx.database().db.selectFrom('blocking_keys').select('key').execute();
    await app.imports.run(officer, tempFile('dry.csv', 'family_name,given_name\nДовбуш,Олекса\n'), {
      sourceName: 'dry list',
      dryRun: true,
    });
    const afterDry = await fx.database().db.selectFrom('blocking_keys').select('key').execute();
    assert.equal(afterDry.length, after.length);
    assert.ok(after.length > before.length);
  });
});
