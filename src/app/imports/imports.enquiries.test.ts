import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { anEnquiry, aSource, officer, testApp } from '../testing/test-app.js';
import { tempFile } from './testing/fixtures.js';

forEachDialect('imports: open enquiries', (fx) => {
  test('a list naming the sought person gives the open enquiry a candidate; unrelated lists give none, dry runs only count it', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Unrelated registry list');
    await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Левченко' },
        { field: 'given_name', value: 'Павло' },
      ],
    });
    const opened = await app.enquiries.create(
      officer,
      anEnquiry({
        family_name: 'Nazarchuk',
        given_name: 'Stepan',
        date_of_birth: { year: 1988, month: 11, day: 23 },
      }),
    );
    assert.equal(opened.candidates, 0, 'the registry does not hold the sought person yet');

    const header = "Номер,Прізвище,Ім'я,Дата народження";
    const unrelated = await app.imports.run(
      officer,
      tempFile('other.csv', `${header}\nU-1,Ткачук,Орест,02.02.1970\n`),
      { sourceName: 'other list', mapping: { source_record_id: 'Номер' } },
    );
    assert.equal(unrelated.enquiryCandidates, 0);

    const list = `${header}\nE-1,Назарчук,Степан,23.11.1988\nE-2,Мирошник,Лев,01.01.1975\n`;
    const dry = await app.imports.run(officer, tempFile('dry.csv', list), {
      sourceName: 'hospital list',
      mapping: { source_record_id: 'Номер' },
      dryRun: true,
    });
    assert.equal(dry.enquiryCandidates, 1, 'a dry run reports the candidate the list would give');
    const untouched = await app.enquiries.get(officer, opened.id);
    assert.equal(untouched.status, 'searching', 'and writes none');
    assert.equal(untouched.candidates.length, 0);

    const r = await app.imports.run(officer, tempFile('list.csv', list), {
      sourceName: 'hospital list',
      mapping: { source_record_id: 'Номер' },
    });
    assert.equal(r.created, 2);
    assert.equal(r.enquiryCandidates, 1);
    const e = await app.enquiries.get(officer, opened.id);
    assert.equal(e.status, 'candidate_found');
    assert.equal(e.candidates.length, 1);
    const found = await app.persons.search(officer, { q: 'Nazarchuk Stepan' });
    assert.equal(e.candidates[0]!.personId, found.items[0]!.id);

    const again = await app.imports.run(officer, tempFile('again.csv', list), {
      sourceName: 'hospital list',
      mapping: { source_record_id: 'Номер' },
    });
    assert.equal(again.unchanged, 2);
    assert.equal(again.enquiryCandidates, 0, 'the same list again queues nothing new');

    assert.equal((await app.imports.getReport(officer, r.batchId)).enquiryCandidates, 1);
    // A batch stored before imports re-matched enquiries has no such count in its report.
    const { db } = fx.database();
    const stored = await db
      .selectFrom('import_batches')
      .select('report')
      .where('id', '=', r.batchId)
      .executeTakeFirstOrThrow();
    const { enquiryCandidates: _, ...older } = JSON.parse(stored.report!) as Record<string, unknown>;
    await db
      .updateTable('import_batches')
      .set({ report: JSON.stringify(older) })
      .where('id', '=', r.batchId)
      .execute();
    assert.equal((await app.imports.getReport(officer, r.batchId)).enquiryCandidates, 0);
  });
});
