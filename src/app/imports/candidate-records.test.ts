import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../db/testing/dialects.js';
import { seqsOfPersons } from '../../db/repositories/person-repository.js';
import { encodeMatchRecords, storeMatchRecords } from '../match-records.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { CandidateRecords, type WrittenRecords } from './candidate-records.js';
import { ChunkScorer } from './match-rows.js';
import { listPerson, noneListed } from './candidate-finder.js';
import { FeatureCaches, prepare, probabilityOf, type PreparedSet } from '../../matching/index.js';
import type { Database } from '../../db/dialects/dialect.js';

/**
 * A registry of one person per family name (given name Тарас), on the fixture's database; returns
 * the database, the app, and the persons' ids and seqs.
 */
async function registry(fx: { database(): Database }, families: readonly string[]) {
  const database = fx.database();
  const app = testApp(database);
  const src = await aSource(app, 'Candidates');
  const ids: string[] = [];
  for (const family of families) {
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: family },
        { field: 'given_name', value: 'Тарас' },
      ],
    });
    ids.push(person.id);
  }
  const seqOf = await seqsOfPersons(database.db, ids);
  return { database, app, ids, seqs: ids.map((id) => seqOf.get(id)!) };
}

/** The family-name feature of a name, as the engine prepares it. */
function feature(name: string) {
  const S = prepare([{ id: 'x', fields: { family_name: name } }]);
  return S.strings[S.str.family[0]!];
}

function written(items: readonly { seq: number; id: string; family: string }[]): WrittenRecords {
  return items.map(({ seq, id, family }) => ({
    seq,
    id,
    stored: encodeMatchRecords([{ id, fields: { family_name: family } }]),
  }));
}

forEachDialect('candidate records kept by an import', (fx) => {
  test('registry persons are read once and again past the limit; written persons are given, kept, and refused while stale', async () => {
    const {
      database,
      ids: [a, b],
      seqs: [sa, sb, sc],
    } = await registry(fx, ['Самойленко', 'Коваленко', 'Бондар']);
    const records = new CandidateRecords(2);
    const rewrite = (id: string, name: string) =>
      database.db
        .transaction()
        .execute((trx) =>
          storeMatchRecords(trx, [{ personId: id, records: [{ id, fields: { family_name: name } }] }]),
        );
    const family = async (n: number) => {
      const { set, rows } = await records.gather(database.db, [n]);
      return set.strings[set.str.family[rows.get(n)![0]!]!];
    };
    assert.equal(await family(sa!), feature('Самойленко'));
    await rewrite(a!, 'Мельник');
    assert.equal(await family(sa!), feature('Самойленко'), 'kept: not read again');
    const both = await records.gather(database.db, [sb!, sc!, 999_999]);
    assert.deepEqual([...both.rows.keys()], [sb, sc], 'a seq without a person is left out');
    assert.equal(both.set.n, 2);
    assert.equal(
      await family(sa!),
      feature('Мельник'),
      'past the limit of two, registry records are read again',
    );

    // Person b is written by the import: stale until its new records are given.
    records.stale([sb!]);
    await assert.rejects(records.gather(database.db, [sa!, sb!]), { code: 'INTERNAL' });
    records.written(written([{ seq: sb!, id: b!, family: 'Ярема' }]));
    assert.equal(await family(sb!), feature('Ярема'), 'the records given, not the registry’s');
    // A person the import created: the registry has no row for it.
    records.written(written([{ seq: 9001, id: 'created-here', family: 'Шаповал' }]));
    const created = await records.gather(database.db, [9001]);
    assert.deepEqual(created.set.ids, ['created-here']);
    // Past the limit again: registry records are dropped, the written ones kept (the registry
    // still holds b's old records, and none of 9001).
    await records.gather(database.db, [sa!, sc!]);
    await records.gather(database.db, [sa!, sc!, 999_999]);
    assert.equal(await family(sb!), feature('Ярема'));
    assert.equal(await family(9001), feature('Шаповал'));
    // Given twice in one chunk's records (a person linked and its changed row re-read): the later.
    records.written(
      written([
        { seq: sb!, id: b!, family: 'Пилипенко' },
        { seq: sb!, id: b!, family: 'Тимошенко' },
      ]),
    );
    const twice = await records.gather(database.db, [sb!]);
    assert.equal(twice.set.n, 1);
    assert.equal(await family(sb!), feature('Тимошенко'));
  });

  test('persons created from rows are given by row and kept as those rows were prepared, until given otherwise', async () => {
    const {
      database,
      ids: [a],
      seqs: [sa, sb],
    } = await registry(fx, ['Самойленко', 'Коваленко']);
    const records = new CandidateRecords(1);
    const rows = prepare(
      ['Гончаренко', 'Литвиненко', 'Кравчук'].map((name, k) => ({
        id: `q${k}`,
        fields: { family_name: name },
      })),
    );
    const family = async (n: number) => {
      const { set, rows: own } = await records.gather(database.db, [n]);
      assert.equal(own.get(n)!.length, 1);
      return set.strings[set.str.family[own.get(n)![0]!]!];
    };
    assert.throws(() => records.written([{ seq: 9001, id: 'created-1', row: 0 }]), { code: 'INTERNAL' });
    records.written(
      [
        { seq: 9001, id: 'created-1', row: 2 },
        { seq: 9002, id: 'created-2', row: 0 },
      ],
      undefined,
      rows,
    );
    const both = await records.gather(database.db, [9002, 9001]);
    assert.deepEqual(both.set.ids, ['created-2', 'created-1'], 'under the ids given, not the rows’');
    assert.equal(await family(9001), feature('Кравчук'));
    assert.equal(await family(9002), feature('Гончаренко'));
    // Kept past the limit's drop of registry records, as written persons are.
    assert.equal(await family(sa!), feature('Самойленко'));
    assert.equal(await family(sb!), feature('Коваленко'), 'read past the limit of one');
    assert.equal(await family(9001), feature('Кравчук'));
    assert.equal(await family(9002), feature('Гончаренко'));
    // Given again in one list, by row and as stored: the later wins, whichever way it came.
    records.written(
      [
        { seq: 9001, id: 'created-1', row: 1 },
        ...written([{ seq: 9001, id: 'created-1', family: 'Ярема' }]),
        ...written([{ seq: sa!, id: a!, family: 'Пилипенко' }]),
        { seq: sa!, id: a!, row: 1 },
      ],
      undefined,
      rows,
    );
    assert.equal(await family(9001), feature('Ярема'));
    assert.equal(await family(sa!), feature('Литвиненко'));
  });

  test("a person's several records are gathered together, in order, wherever the person stands", async () => {
    const {
      database,
      ids: [a, b],
      seqs: [sa, sb],
    } = await registry(fx, ['Самойленко', 'Коваленко']);
    await database.db.transaction().execute((trx) =>
      storeMatchRecords(trx, [
        {
          personId: a!,
          records: ['Самойленко', 'Samoilenko', 'Samojlenko'].map((name) => ({
            id: a!,
            fields: { family_name: name },
          })),
        },
      ]),
    );
    const records = new CandidateRecords();
    const families = (set: PreparedSet, rows: readonly number[]) =>
      rows.map((j) => set.strings[set.str.family[j]!]);
    const first = await records.gather(database.db, [sb!, sa!]);
    assert.deepEqual(first.rows.get(sb!), [0]);
    assert.deepEqual(first.rows.get(sa!), [1, 2, 3], "person a's three records follow person b's one");
    assert.deepEqual(first.set.ids, [b, a, a, a]);
    // Kept: gathered again in another order, from the kept columns.
    const again = await records.gather(database.db, [sa!, sb!]);
    assert.deepEqual(again.rows.get(sa!), [0, 1, 2]);
    assert.deepEqual(again.rows.get(sb!), [3]);
    assert.deepEqual(families(again.set, again.rows.get(sa!)!), families(first.set, first.rows.get(sa!)!));
  });

  test('a chunk is scored once the chunk before it gave its records, against every candidate as it then stands', async () => {
    const {
      database,
      app,
      ids: [a, b],
      seqs: [sa, sb],
    } = await registry(fx, ['Самойленко', 'Коваленко']);
    const { model, scorer } = app.ctx.matcher;
    const scoring = new ChunkScorer(model, scorer, new FeatureCaches());
    const rows = prepare([
      { id: 'q0', fields: { family_name: 'Коваленко', given_name: 'Тарас' } },
      { id: 'q1', fields: { family_name: 'Самойленко', given_name: 'Тарас' } },
      { id: 'q2', fields: { family_name: 'Шаповал', given_name: 'Тарас' } },
    ]);
    const candidates = [[sa!, sb!], [sb!, sa!], []];
    const first = await scoring.best(0, database.db, rows, candidates);
    // By brute force: every row against every candidate's records, prepared as one set.
    const C = prepare([
      { id: a!, fields: { family_name: 'Самойленко', given_name: 'Тарас' } },
      { id: b!, fields: { family_name: 'Коваленко', given_name: 'Тарас' } },
    ]);
    assert.equal(first[0]!.id, b);
    assert.equal(first[0]!.seq, sb);
    assert.equal(first[0]!.weight, scorer.weight(rows, 0, C, 1));
    assert.equal(first[0]!.probability, probabilityOf(first[0]!.weight));
    assert.equal(first[1]!.id, a);
    assert.equal(first[1]!.weight, scorer.weight(rows, 1, C, 0));
    assert.equal(first[2], null, 'no candidate, no match');
    const { match, review } = model.thresholds;
    for (const s of first.slice(0, 2))
      assert.equal(s!.explanation !== null, s!.probability >= review && s!.probability < match);

    // Chunk 0 lists person a (its records change) and creates person 9001; chunk 1 waits for them.
    const listed = noneListed();
    listPerson(listed, sa!, []);
    listPerson(listed, 9001, []);
    scoring.applied(listed);
    let scored = false;
    const second = scoring
      .best(1, database.db, rows, [[sa!], [9001], [sb!]])
      .then((r) => ((scored = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(scored, false, 'not scored before the chunk before it was written');
    scoring.written(
      written([
        { seq: sa!, id: a!, family: 'Шаповал' },
        { seq: 9001, id: 'new-one', family: 'Самойленко' },
      ]),
    );
    const [r0, r1, r2] = await second;
    const D = prepare([
      { id: a!, fields: { family_name: 'Шаповал' } },
      { id: 'new-one', fields: { family_name: 'Самойленко' } },
      { id: b!, fields: { family_name: 'Коваленко', given_name: 'Тарас' } },
    ]);
    assert.equal(r0!.weight, scorer.weight(rows, 0, D, 0), "person a's new records");
    assert.equal(r1!.id, 'new-one', 'a person the chunk before created');
    assert.equal(r1!.weight, scorer.weight(rows, 1, D, 1));
    assert.equal(r2!.weight, scorer.weight(rows, 2, D, 2), 'term frequencies of the whole candidate set');
  });
});
