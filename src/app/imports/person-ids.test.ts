import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase } from '../../db/testing/dialects.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { PersonIds } from './person-ids.js';

test('person ids by seq: read a block at a time, noted ones held, missing seqs left out', async () => {
  const { database, dispose } = await freshDatabase('sqlite');
  const app = testApp(database);
  try {
    const src = await aSource(app, 'Ids by seq');
    const { ids } = await app.persons.registerBatch(
      officer,
      src.id,
      Array.from({ length: 5 }, (_, i) => ({
        sourceId: src.id,
        claims: [{ field: 'family_name' as const, value: `Коваленко${i}` }],
      })),
    );
    const rows = await database.db.selectFrom('persons').select(['id', 'seq']).orderBy('seq').execute();
    const seqOf = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    const byId = new PersonIds();
    const seqs = ids.map((id) => seqOf.get(id)!);
    const got = await byId.of(database.db, [...seqs, 999_999]);
    assert.deepEqual(
      seqs.map((s) => got.get(s)),
      ids,
      'every id written out again from its words',
    );
    assert.equal(got.has(999_999), false, 'a seq without a person is left out');

    // A person inserted after its block was read is found once noted, as an import notes its new persons.
    const late = '01900000-0000-7000-8000-0000000000ff';
    const odd = 'Not-A-UUID';
    const top = Math.max(...seqs);
    const at = '2026-01-01T00:00:00.000Z';
    for (const [k, id] of [late, odd].entries())
      await sql`INSERT INTO persons (id, seq, version, merged_into, created_at, updated_at)
        VALUES (${id}, ${top + 1 + k}, 1, NULL, ${at}, ${at})`.execute(database.db);
    assert.equal((await byId.of(database.db, [top + 1])).size, 0, 'its block was read before it existed');
    byId.note(top + 1, late);
    byId.note(top + 2, odd);
    const after = await byId.of(database.db, [top + 1, top + 2, seqs[0]!]);
    assert.equal(after.get(top + 1), late);
    assert.equal(after.get(top + 2), odd, 'an id that is not a UUID is kept as written');
    assert.equal(after.get(seqs[0]!), ids[0]);

    // A seq noted is not read again: the holder answers with the id it was given, its block unread.
    const noted = new PersonIds();
    noted.note(seqs[0]!, late);
    assert.equal((await noted.of(database.db, [seqs[0]!])).get(seqs[0]!), late);
    assert.equal(
      (await noted.of(database.db, [seqs[1]!])).get(seqs[1]!),
      ids[1],
      'others: the block is read',
    );

    // Read from a fresh holder: the whole block, ids of every form.
    const fresh = await new PersonIds().of(database.db, [top + 1, top + 2]);
    assert.deepEqual([fresh.get(top + 1), fresh.get(top + 2)], [late, odd]);
  } finally {
    await dispose();
  }
});
