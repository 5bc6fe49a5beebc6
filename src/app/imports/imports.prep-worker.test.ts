import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from '../../db/testing/dialects.js';
import type { Database } from '../../db/dialects/dialect.js';
import { officer, testApp } from '../testing/test-app.js';
import { tableCounts, tempFile } from './testing/fixtures.js';
import { inUnit } from '../context.js';
import { FeatureCaches } from '../../matching/index.js';
import { mix32 } from '../../matching/generate/prng.js';
import { rowPreparer, WORKER_MIN_BYTES } from './row-preparer.js';
import { ClaimInput } from '../../domain/index.js';
import { decodeMatchRecords, encodeMatchRecords, loadMatchRecords } from '../match-records.js';
import type { WrittenRecords } from './candidate-records.js';
import { listPerson, noneListed } from './candidate-finder.js';
import type { CountedPrep } from './row-prep.js';

const HEADER = "Номер,Прізвище,Ім'я,По батькові,Дата народження,Особовий номер";
// prettier-ignore
const FAMILY = ['Коваленко', 'Бондарук', 'Ткачишин', 'Кравчук', 'Мельничук', 'Савченко', 'Гончарук', 'Захарченко',
  'Пилипенко', 'Ярема', 'Шаповал', 'Тимошенко'];
// prettier-ignore
const LATIN = ['Kovalenko', 'Bondaruk', 'Tkachyshyn', 'Kravchuk', 'Melnychuk', 'Savchenko', 'Honcharuk', 'Zakharchenko',
  'Pylypenko', 'Yarema', 'Shapoval', 'Tymoshenko'];
const GIVEN = ['Андрій', 'Олег', 'Тарас', 'Богдан', 'Назар', 'Остап', 'Роман', 'Степан', 'Ігор', 'Максим'];
const PATRONYMIC = ['Іванович', 'Петрович', 'Миколайович', 'Васильович'];

/** Person k of the synthetic population: fields derived from k alone, each from its own hash. */
function person(k: number) {
  const r = (field: number) => mix32(k, field);
  const f = r(1) % FAMILY.length;
  const day = String(1 + (r(3) % 28)).padStart(2, '0');
  const month = String(1 + (r(4) % 12)).padStart(2, '0');
  return {
    family: FAMILY[f]!,
    latin: LATIN[f]!,
    given: GIVEN[r(2) % GIVEN.length]!,
    patronymic: PATRONYMIC[r(6) % PATRONYMIC.length]!,
    dob: `${day}.${month}.${1960 + (r(5) % 40)}`,
    sn: `SN-${1000 + k}`,
  };
}

function line(
  ref: string,
  p: ReturnType<typeof person>,
  over: Partial<ReturnType<typeof person>> = {},
): string {
  const q = { ...p, ...over };
  return [ref, q.family, q.given, q.patronymic, q.dob, q.sn].join(',');
}

/** The registry's list: 60 persons. */
const FIRST = [HEADER, ...Array.from({ length: 60 }, (_, k) => line(`R-${k}`, person(k)))].join('\n');

/**
 * The second list: registry persons again (as written, romanised, with a day off, without a
 * service number), new persons, new persons listed twice (in one chunk and chunks apart), and one
 * row reference given twice, two chunks of 7 apart, with a changed birth date.
 */
function secondList(): string {
  const lines = [HEADER];
  for (let k = 0; k < 60; k++) {
    const ref = `S-${k}`;
    if (k % 4 === 0) lines.push(line(ref, person(k)));
    else if (k % 4 === 1) lines.push(line(ref, person(k), { family: person(k).latin }));
    else if (k % 4 === 2)
      lines.push(line(ref, person(k), { sn: '', dob: person(k).dob.replace(/^\d\d/, '29') }));
    else lines.push(line(ref, person(1000 + k)));
    if (k % 9 === 0) lines.push(line(`S-${k}b`, person(1000 + k), { sn: '' }));
    if (k % 6 === 5) lines.push(line(`S-${k}q`, person(k), { sn: '', dob: '', patronymic: '' }));
  }
  lines.splice(9, 0, line('S-R', person(2000)));
  lines.push(line('S-R', person(2000), { dob: '01.01.1990' }));
  return lines.join('\n');
}

/** Every row reference's fellows: the references of all rows on the same person, joined. */
async function fellows(database: Database): Promise<Map<string, string>> {
  const rows = await database.db.selectFrom('import_rows').select(['row_ref', 'person_id']).execute();
  const byPerson = new Map<string, string[]>();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.row_ref]);
  return new Map(rows.map((r) => [r.row_ref, byPerson.get(r.person_id)!.sort().join(' ')]));
}

describe('imports: rows prepared on a worker thread [sqlite]', () => {
  const handles: Awaited<ReturnType<typeof freshDatabase>>[] = [];
  before(async () => {
    handles.push(await freshDatabase('sqlite'), await freshDatabase('sqlite'));
  });
  after(async () => {
    for (const h of handles) await h.dispose();
  });

  test('land exactly as rows prepared on the import thread: same decisions, same persons, same queue', async () => {
    const first = tempFile('first.csv', FIRST);
    const second = tempFile('second.csv', secondList());
    const outcomes = [];
    for (const [i, onWorker] of [false, true].entries()) {
      const database = handles[i]!.database;
      const app = testApp(database);
      const opts = { sourceName: 'parallel list', mapping: { source_record_id: 'Номер' }, chunkSize: 7 };
      await app.imports.run(officer, first, opts, { prepareOnWorker: onWorker });
      const r = await app.imports.run(officer, second, opts, { prepareOnWorker: onWorker });
      outcomes.push({
        counts: [r.rows, r.created, r.linked, r.queued, r.updated, r.unchanged, r.rejectedCount],
        fellows: await fellows(database),
        tables: await tableCounts(database),
      });
    }
    const [thread, worker] = outcomes;
    assert.deepEqual(worker!.counts, thread!.counts);
    assert.deepEqual(worker!.fellows, thread!.fellows);
    assert.deepEqual(worker!.tables, thread!.tables);
    // The lists take every path: links to the registry, to a row of the same list, new persons,
    // queued pairs, and a row given again with a change.
    const [, created, linked, queued, updated] = thread!.counts;
    assert.ok(created! > 0 && linked! > 15 && queued! > 0, `counts ${thread!.counts.join(' ')}`);
    assert.equal(updated, 1);
    assert.equal(thread!.fellows.get('S-1'), 'R-1 S-1', 'a romanised row links to its registry person');
    assert.equal(
      thread!.fellows.get('S-27b'),
      'S-27 S-27b',
      'a person listed twice in the list is one person',
    );
  });

  test('chunks prepared, counted and scored on the worker equal those on the thread, chunk after chunk', async () => {
    const app = testApp(handles[1]!.database);
    await app.imports.run(officer, tempFile('first.csv', FIRST), { sourceName: 'prep list' });
    const claims = (k: number): ClaimInput[] =>
      [
        { field: 'family_name', value: person(k).family },
        { field: 'given_name', value: person(k).given },
        { field: 'service_number', value: person(k).sn },
      ].map((c) => ClaimInput.parse(c));
    await inUnit(app.ctx, async (u) => {
      const pc = (caches: FeatureCaches) => ({
        model: app.ctx.matcher.model,
        scorer: app.ctx.matcher.scorer,
        caches,
        now: u.now,
        cap: 200,
      });
      const thread = rowPreparer(u, pc(new FeatureCaches()), { fileBytes: WORKER_MIN_BYTES - 1 });
      const worker = rowPreparer(u, pc(new FeatureCaches()), { fileBytes: 0, worker: true });
      assert.equal(thread.onWorker, false);
      assert.equal(worker.onWorker, true);
      const both = (rows: ClaimInput[][]) => [thread.prepare(rows), worker.prepare(rows)] as const;
      const same = (a: CountedPrep, b: CountedPrep) => {
        assert.deepEqual(b.keyText, a.keyText);
        assert.ok(
          a.keyText.every((t) => (JSON.parse(t) as string[]).length > 0),
          'every row has keys',
        );
        assert.equal(JSON.stringify(b.siblings), JSON.stringify(a.siblings));
        assert.deepEqual(b.stored, a.stored);
        assert.ok(
          a.stored.every((t) => decodeMatchRecords('x', t).length === 1),
          'one record a row',
        );
        assert.deepEqual(b.candidates, a.candidates);
        assert.equal(JSON.stringify(b.best), JSON.stringify(a.best));
      };
      const applied = (listed: ReturnType<typeof noneListed>, w: WrittenRecords) => {
        for (const p of [thread, worker]) {
          p.applied(listed);
          p.written(w);
        }
      };
      try {
        // Two chunks given before the first is applied, as an import stages the next chunk
        // before it writes the one before.
        const c0 = both([claims(1), claims(2), claims(1), claims(3000)]);
        const c1 = both([claims(2), claims(3), claims(3000)]);
        const [a0, b0] = await Promise.all(c0);
        same(a0, b0);
        assert.equal(a0.siblings[2]?.index, 0, 'the third row is the first again');
        assert.ok(a0.siblings[2]!.probability > 0.9);
        const [p1, p2] = [a0.candidates[0]![0]!, a0.candidates[1]![0]!];
        assert.ok(p1 !== undefined && p2 !== undefined, 'registry persons share keys with the rows');
        const registry = await loadMatchRecords(u.trx, [a0.best[0]!.id]);
        assert.ok(
          registry.size === 1 && a0.best[0]!.seq === p1,
          "the first row's best match is its registry person",
        );
        assert.deepEqual(a0.best[2], a0.best[0], 'the same row, the same match');
        // The first chunk created person 999999 from its fourth row (named by reference: the
        // counting side holds the row's keys) and gave person p2 facts that changed its records.
        const listed = noneListed();
        listPerson(listed, 999_999, { row: 3, text: a0.keyText[3]! });
        listPerson(listed, p2, []);
        const w: WrittenRecords = [
          { seq: 999_999, id: 'created-by-chunk-0', stored: a0.stored[3]! },
          {
            seq: p2,
            id: a0.best[1]!.id,
            stored: encodeMatchRecords([
              { id: a0.best[1]!.id, fields: { family_name: 'Інше', given_name: 'Прізвище' } },
            ]),
          },
        ];
        applied(listed, w);
        const [a1, b1] = await Promise.all(c1);
        same(a1, b1);
        assert.ok(a1.candidates[2]!.includes(999_999), 'a person an earlier chunk created is a candidate');
        assert.equal(a1.best[2]!.id, 'created-by-chunk-0', 'and is scored from the records it was given');
        assert.ok(a1.best[2]!.probability > 0.9);
        assert.ok(a1.candidates[0]!.includes(p2));
        assert.ok(
          a1.best[0]!.seq !== p2 || a1.best[0]!.probability < a0.best[1]!.probability,
          'person p2 is scored from its new records, which no longer agree',
        );
        applied(noneListed(), []);
        const [a2, b2] = await Promise.all(both([claims(1), claims(3)]));
        same(a2, b2);
        assert.equal(a2.best[0]!.seq, p1, 'a registry person kept from an earlier chunk');
      } finally {
        await worker.close();
      }
    });
  });

  test('a cancelled import with a worker leaves nothing behind', async () => {
    const database = handles[0]!.database;
    const app = testApp(database);
    const before = await tableCounts(database);
    const abort = new AbortController();
    const error = await app.imports
      .run(
        officer,
        tempFile('cancel.csv', secondList()),
        { sourceName: 'cancelled', mapping: { source_record_id: 'Номер' }, chunkSize: 5 },
        { prepareOnWorker: true, signal: abort.signal, onProgress: (p) => p.rows >= 20 && abort.abort() },
      )
      .then(
        () => null,
        (e: { code?: string }) => e.code,
      );
    assert.equal(error, 'CANCELLED');
    assert.deepEqual(await tableCounts(database), before);
  });
});
