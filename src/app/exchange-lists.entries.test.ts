import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError, type ErrorCode } from '../domain/index.js';
import { readCsv, readPfif, readXlsx } from '../interchange/index.js';
import { admin, analyst, aSource, officer, registrar, testApp } from './testing/test-app.js';
import type { App } from './create-app.js';

const code = (e: unknown): ErrorCode | string => (isDomainError(e) ? e.code : String(e));

async function bytes(app: App, listId: string, format: 'csv' | 'xlsx' | 'pfif' | 'jsonl', fields?: string[]) {
  const ex = await app.exchange.export(officer, listId, {
    format,
    ...(fields && { fields: fields as never }),
  });
  const chunks: Buffer[] = [];
  for await (const c of ex.stream) chunks.push(c as Buffer);
  return { ex, body: Buffer.concat(chunks) };
}

async function rowsOf(table: Awaited<ReturnType<typeof readCsv>>) {
  const out: Record<string, string>[] = [];
  for await (const r of table.rows) out.push(r.values);
  return out;
}

/** An imported list (a source) citing three persons, one of them merged into another record. */
async function world(app: App) {
  const imported = await aSource(app, 'Imported custody list');
  const other = await aSource(app, 'Other list');
  const held = await app.persons.register(officer, {
    sourceId: imported.id,
    claims: [
      { field: 'family_name', value: 'Гнатюк' },
      { field: 'given_name', value: 'Сергій' },
      { field: 'date_of_birth', value: { year: 1988, month: 7, day: 12 } },
      { field: 'phone', value: '+380000000001', sensitivity: 'restricted' },
    ],
    events: [{ kind: 'interned', date: { year: 2022, month: 6 }, placeText: 'Camp 4' }],
  });
  // A second source disagrees on the date of birth: verification reports the conflict.
  await app.persons.addClaim(officer, held.person.id, {
    sourceId: other.id,
    claim: { field: 'date_of_birth', value: { year: 1987, month: 7, day: 12 } },
  });
  const dead = await app.persons.register(officer, {
    sourceId: imported.id,
    claims: [{ field: 'family_name', value: 'Ярема' }],
    events: [{ kind: 'died', date: { year: 2022, month: 7 } }],
  });
  const survivor = await app.persons.register(officer, {
    sourceId: other.id,
    claims: [
      { field: 'family_name', value: 'Онищенко' },
      { field: 'given_name', value: 'Павло' },
    ],
    events: [{ kind: 'captured', date: { year: 2022, month: 5 } }],
  });
  const merged = await app.persons.register(officer, {
    sourceId: imported.id,
    claims: [
      { field: 'family_name', value: 'Onyshchenko' },
      { field: 'given_name', value: 'Pavlo' },
    ],
  });
  await app.persons.merge(officer, {
    survivorId: survivor.person.id,
    mergedId: merged.person.id,
    reason: 'same man, two lists',
  });
  return { imported, held, dead, survivor, merged };
}

forEachDialect('exchange list entries', (fx) => {
  test('entries from an imported list: each person once, merged records as their survivor, each added as a step', async () => {
    const app = testApp(fx.database());
    const w = await world(app);
    const list = await app.exchange.create(officer, { name: 'Release of October', kind: 'release' });
    const first = await app.exchange.addEntries(officer, list.id, { sourceId: w.imported.id });
    assert.deepEqual(first, { added: 3, alreadyListed: 0 });
    const again = await app.exchange.addEntries(officer, list.id, {
      sourceId: w.imported.id,
      personIds: [w.held.person.id],
    });
    assert.deepEqual(again, { added: 0, alreadyListed: 4 }, 'nobody is listed twice');
    const got = await app.exchange.get(officer, list.id);
    assert.deepEqual(
      new Set(got.entries.map((e) => e.personId)),
      new Set([w.held.person.id, w.dead.person.id, w.survivor.person.id]),
    );
    for (const e of got.entries) {
      assert.equal(e.status, 'proposed');
      assert.deepEqual(
        e.steps.map((s) => [s.from, s.to]),
        [[null, 'proposed']],
      );
    }
    await assert.rejects(
      app.exchange.addEntries(officer, list.id, { sourceId: '01890000-0000-7000-8000-000000000000' }),
      (x) => isDomainError(x, 'VALIDATION_FAILED') && x.issues.some((i) => i.path === 'sourceId'),
    );
    await assert.rejects(
      app.exchange.addEntries(registrar, list.id, { sourceId: w.imported.id }),
      (x) => code(x) === 'FORBIDDEN',
    );
  });

  test('verification: findings as codes, candidates with names, location; steps and the completion event shown', async () => {
    const app = testApp(fx.database());
    const w = await world(app);
    const list = await app.exchange.create(officer, { name: 'Exchange 7', kind: 'exchange' });
    await app.exchange.addEntries(officer, list.id, {
      personIds: [w.held.person.id, w.dead.person.id],
      submitted: [{ full_name: 'Nobody Invented', date_of_birth: '1901-01-01' }],
    });
    await app.exchange.verify(officer, list.id);
    let got = await app.exchange.get(officer, list.id);
    const [held, dead, nobody] = got.entries;
    const findings = (e: (typeof got.entries)[number]) =>
      (e.verification as { findings: { code: string; field?: string }[] }).findings;
    assert.deepEqual(findings(held!), [{ code: 'conflict', field: 'date_of_birth' }]);
    assert.equal(held!.name, 'Гнатюк Сергій');
    assert.equal(held!.location, 'Camp 4');
    assert.deepEqual(findings(dead!), [{ code: 'reported_dead' }]);
    assert.deepEqual(findings(nobody!), [{ code: 'not_found' }]);
    assert.match(JSON.stringify(nobody!.verification), /not found in the registry/, 'the sentence stays');
    let version = held!.version;
    for (const to of ['verified', 'agreed'] as const)
      version = (await app.exchange.transition(officer, list.id, held!.id, { to, expectedVersion: version }))
        .version;
    await assert.rejects(
      app.exchange.transition(officer, list.id, held!.id, { to: 'completed', expectedVersion: version - 1 }),
      (x) => code(x) === 'VERSION_CONFLICT',
    );
    await app.exchange.transition(officer, list.id, held!.id, {
      to: 'completed',
      expectedVersion: version,
      date: '2022-10-02',
      note: 'handed over at the crossing',
    });
    await app.exchange.transition(officer, list.id, dead!.id, {
      to: 'withdrawn',
      expectedVersion: dead!.version,
      note: 'reported dead',
    });
    got = await app.exchange.get(officer, list.id);
    const done = got.entries[0]!;
    assert.deepEqual(
      done.steps.map((s) => s.to),
      ['proposed', 'verified', 'agreed', 'completed'],
    );
    assert.equal(done.steps[3]!.note, 'handed over at the crossing');
    assert.deepEqual(done.event, { kind: 'exchanged', date: '2022-10-02' });
    const person = await app.persons.get(officer, held!.personId!);
    assert.ok(person.timeline.some((e) => e.id === done.eventId && e.kind === 'exchanged'));
    assert.deepEqual(
      got.entries[1]!.steps.map((s) => [s.from, s.to, s.note]),
      [
        [null, 'proposed', null],
        ['proposed', 'withdrawn', 'reported dead'],
      ],
    );
  });

  test('an entry as the counterpart wrote it, uncertain between two persons, lists both candidates by name', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Two namesakes');
    for (const unit of ['unit 1', 'unit 2'])
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Дорошенко' },
          { field: 'given_name', value: 'Ігор' },
          { field: 'unit', value: unit },
        ],
      });
    const list = await app.exchange.create(officer, { name: 'Counterpart list', kind: 'exchange' });
    await app.exchange.addEntries(officer, list.id, {
      submitted: [{ family_name: 'Doroshenko', given_name: 'Ihor' }],
    });
    await app.exchange.verify(officer, list.id);
    const [entry] = (await app.exchange.get(officer, list.id)).entries;
    if (entry!.personId === null) {
      assert.ok(entry!.candidates.length >= 2, 'both namesakes are candidates');
      for (const c of entry!.candidates) assert.equal(c.name, 'Дорошенко Ігор');
      assert.deepEqual(
        (entry!.verification as { findings: { code: string }[] }).findings.map((f) => f.code),
        ['identity_uncertain'],
      );
      // Linking it to one of them is the officer's choice, made with the step.
      const r = await app.exchange.transition(officer, list.id, entry!.id, {
        to: 'verified',
        personId: entry!.candidates[0]!.personId,
        expectedVersion: entry!.version,
      });
      assert.equal(r.status, 'verified');
    } else assert.fail('two equally likely namesakes must not be linked automatically');
  });

  test('export: one row per entry with its step, confidence and findings; registry fields by the reader; every format', async () => {
    const app = testApp(fx.database());
    const w = await world(app);
    const list = await app.exchange.create(officer, { name: 'Exported', kind: 'release' });
    await app.exchange.addEntries(officer, list.id, {
      personIds: [w.held.person.id],
      submitted: [{ family_name: 'Invented', given_name: 'Counterpart', date_of_birth: '1970-01-02' }],
    });
    await app.exchange.verify(officer, list.id);
    const csv = await bytes(app, list.id, 'csv');
    assert.match(csv.ex.fileName, /^release-list-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = await readCsv(csv.body);
    assert.deepEqual(table.header.slice(0, 7), [
      'entry',
      'entry_status',
      'submitted_name',
      'identity_confidence',
      'findings',
      'checked_at',
      'source_record_id',
    ]);
    assert.ok(!table.header.includes('phone'), 'no contact details unless asked for');
    const rows = await rowsOf(table);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!['entry'], '1');
    assert.equal(rows[0]!['entry_status'], 'proposed');
    assert.equal(rows[0]!['identity_confidence'], '1');
    assert.equal(rows[0]!['findings'], 'conflicting date_of_birth');
    assert.equal(rows[0]!['family_name'], 'Гнатюк');
    assert.equal(rows[0]!['source_record_id'], w.held.person.id);
    assert.equal(rows[0]!['status'], 'interned');
    assert.equal(rows[0]!['place'], 'Camp 4');
    assert.equal(rows[1]!['submitted_name'], 'Invented Counterpart');
    assert.equal(rows[1]!['family_name'], 'Invented', 'an unlinked entry carries what the list wrote');
    assert.equal(rows[1]!['findings'], 'not found in the registry');
    const chosen = await rowsOf(
      await readCsv((await bytes(app, list.id, 'csv', ['family_name', 'phone'])).body),
    );
    assert.equal(chosen[0]!['phone'], '+380000000001', 'an officer may read restricted fields');
    const xlsx = await bytes(app, list.id, 'xlsx');
    assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
    assert.equal((await rowsOf(await readXlsx(xlsx.body))).length, 2);
    const jsonl = (await bytes(app, list.id, 'jsonl')).body.toString('utf8').trim().split('\n');
    assert.equal(jsonl.length, 2);
    assert.equal(
      (JSON.parse(jsonl[1]!) as Record<string, unknown>)['submitted_name'],
      'Invented Counterpart',
    );
    const pfif: { kind: string; fields: Record<string, string> }[] = [];
    for await (const r of readPfif((await bytes(app, list.id, 'pfif')).body))
      pfif.push({ kind: r.kind, fields: { ...r.fields } });
    const persons = pfif.filter((r) => r.kind === 'person');
    assert.equal(persons.length, 2);
    assert.equal(persons[1]!.fields['family_name'], 'Invented');
    assert.equal(persons[1]!.fields['date_of_birth'], '1970-01-02');
    const audit = await app.audit.list(admin, { action: 'exchange.export' });
    assert.deepEqual(
      audit.items.map((a) => a.details['format']),
      ['csv', 'csv', 'xlsx', 'jsonl', 'pfif'],
      'every export is audited',
    );
    await assert.rejects(
      app.exchange.export(registrar, list.id, { format: 'csv' }),
      (x) => code(x) === 'FORBIDDEN',
    );
    await assert.rejects(
      app.exchange.export(analyst, list.id, { format: 'csv' }),
      (x) => code(x) === 'FORBIDDEN',
    );
    await assert.rejects(
      app.exchange.export(officer, '01890000-0000-7000-8000-000000000000', { format: 'csv' }),
      (x) => code(x) === 'NOT_FOUND',
    );
    await assert.rejects(
      app.exchange.export(officer, list.id, { format: 'docx' as never }),
      (x) => code(x) === 'VALIDATION_FAILED',
    );
  });
});
