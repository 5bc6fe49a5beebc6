import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claimValueText, isDomainError, type ClaimField } from '../../domain/index.js';
import { freshDatabase, forEachDialect } from '../../db/testing/dialects.js';
import { readPfif } from '../../interchange/index.js';
import { aSource, analyst, officer, registrar, testApp } from '../testing/test-app.js';
import type { App } from '../create-app.js';
import { tempFile } from '../imports/testing/fixtures.js';
import type { ExportFormat, ExportOptions } from './index.js';

const PFIF_FIXTURE = fileURLToPath(
  new URL('../../../../../shared/data/pfif/test.pfif-1.4.xml', import.meta.url),
);

async function collect(xml: Buffer) {
  const out: { kind: string; fields: Record<string, string> }[] = [];
  for await (const rec of readPfif(xml)) out.push({ kind: rec.kind, fields: { ...rec.fields } });
  return out;
}

async function exported(app: App, actor: typeof officer, opts: ExportOptions): Promise<Buffer> {
  const ex = await app.exports.run(actor, opts);
  const chunks: Buffer[] = [];
  for await (const c of ex.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A small deterministic population with every exported kind of field. */
const PEOPLE = [
  {
    family_name: 'Коваленко',
    given_name: 'Андрій',
    patronymic: 'Миколайович',
    date_of_birth: { year: 1994, month: 3, day: 5 },
    sex: 'male',
    rank: 'солдат',
    unit: '36 ОБрМП',
    phone: '+380501112233',
  },
  {
    family_name: 'Шевчук',
    given_name: 'Олена',
    date_of_birth: { year: 1971 },
    sex: 'female',
    place_of_birth: 'Маріуполь',
    service_number: 'SN-1',
  },
  {
    family_name: '=HYPERLINK("http://x","y")',
    given_name: 'Test',
    date_of_birth: { year: 1980, month: 2, about: true },
    notes: '-minus first',
  },
];

/** Person views keyed by the id the rows were exported with. */
async function viewsBy(app: App, ref: (id: string) => Promise<string>) {
  const out = new Map<string, { fields: Record<string, string>; state: string }>();
  const list = await app.persons.list(officer, { limit: 500 });
  for (const item of list.items) {
    const d = await app.persons.get(officer, item.id);
    const fields: Record<string, string> = {};
    for (const [f, fv] of Object.entries(d.view.fields))
      if (f !== 'age' && f !== 'name_original') fields[f] = claimValueText(f as ClaimField, fv!.best.value);
    out.set(await ref(item.id), { fields, state: d.status.state });
  }
  return out;
}

forEachDialect('exports: round trip', (fx) => {
  for (const format of ['csv', 'jsonl', 'xlsx'] as ExportFormat[])
    test(`${format}: export then import into an empty registry gives the same person views`, async () => {
      const app = testApp(fx.database());
      const src = await aSource(app, `people ${format}`);
      for (const p of PEOPLE)
        await app.persons.register(officer, {
          sourceId: src.id,
          claims: Object.entries(p).map(([field, value]) => ({ field, value })),
          events: [{ kind: 'captured', date: { year: 2022, month: 5, day: 17 }, placeText: 'Olenivka' }],
        });
      const bytes = await exported(app, officer, { format, filter: { sourceId: src.id } });
      const target = await freshDatabase(fx.dialect);
      try {
        const empty = testApp(target.database);
        const r = await empty.imports.run(officer, tempFile(`out.${format}`, bytes), {
          sourceName: 'exported',
        });
        assert.equal(r.created, PEOPLE.length);
        assert.equal(r.rejectedCount, 0);
        const original = await viewsBy(app, async (id) => id);
        const copy = await viewsBy(empty, async (id) => {
          const c = await target.database.db
            .selectFrom('claims')
            .select('row_ref')
            .where('person_id', '=', id)
            .executeTakeFirstOrThrow();
          return c.row_ref!;
        });
        for (const [id, view] of copy) assert.deepEqual(view, original.get(id));
      } finally {
        await target.dispose();
      }
    });

  test('roles without the export permission are refused; every export is audited', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'roles');
    await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Олійник' },
        { field: 'phone', value: '+380671234567' },
      ],
      events: [],
    });
    const officerCsv = (
      await exported(app, officer, { format: 'csv', filter: { sourceId: src.id } })
    ).toString();
    assert.match(officerCsv, /380671234567/);
    await assert.rejects(app.exports.run(registrar, { format: 'csv' }), (e) => isDomainError(e, 'FORBIDDEN'));
    await assert.rejects(app.exports.run(analyst, { format: 'csv' }), (e) => isDomainError(e, 'FORBIDDEN'));
    const audits = await fx
      .database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'export.run')
      .execute();
    assert.ok(audits.length >= 2);
  });

  test('cells a spreadsheet would run as formulas are neutralised', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'formulas');
    await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: '=1+2' }],
      events: [],
    });
    const csv = (
      await exported(app, officer, { format: 'csv', fields: ['family_name'], filter: { sourceId: src.id } })
    ).toString();
    assert.match(csv, /^\uFEFF?family_name\r?\n'=1\+2/);
  });
});

forEachDialect('exports: PFIF 1.4', (fx) => {
  let skip: string | false = false;
  before(() => {
    if (!existsSync(PFIF_FIXTURE)) skip = 'shared/data/pfif folder absent';
  });
  after(() => {});

  test("Person Finder's fixture imports with every field landing somewhere and exports again to PFIF 1.4", async (t) => {
    if (skip) return t.skip(skip);
    const app = testApp(fx.database());
    const r = await app.imports.run(officer, PFIF_FIXTURE, { sourceName: 'person finder' });
    assert.equal(r.created, 1);
    const again = await app.imports.run(officer, PFIF_FIXTURE, { sourceName: 'person finder' });
    assert.equal(again.unchanged, 1);
    const original = await collect(readFileSync(PFIF_FIXTURE));
    const claims = await fx
      .database()
      .db.selectFrom('claims')
      .select('value')
      .where('batch_id', '=', r.batchId)
      .execute();
    const text = claims.map((c) => String(JSON.parse(c.value))).join('\n');
    for (const rec of original)
      for (const [field, value] of Object.entries(rec.fields))
        if (value !== '')
          assert.ok(text.includes(`${field}=${value.replace(/\n/g, '\\n')}`), `${rec.kind}.${field} lands`);
    const events = await fx
      .database()
      .db.selectFrom('status_events')
      .select('kind')
      .where('batch_id', '=', r.batchId)
      .execute();
    assert.deepEqual(events.map((e) => e.kind).sort(), [
      'contact_restored',
      'contact_restored',
      'missing',
      'missing',
    ]);
    const xml = await exported(app, officer, { format: 'pfif', filter: { sourceId: r.sourceId } });
    assert.match(xml.toString(), /xmlns:pfif="http:\/\/zesty\.ca\/pfif\/1\.4"/);
    const back: Awaited<ReturnType<typeof collect>> = await collect(xml);
    assert.equal(back.length, original.length);
    for (const o of original) {
      const id = o.kind === 'person' ? 'person_record_id' : 'note_record_id';
      const b = back.find((x) => x.kind === o.kind && x.fields[id] === o.fields[id]);
      assert.ok(b, `${o.kind} ${o.fields[id]} is exported`);
      for (const [field, value] of Object.entries(o.fields))
        if (value !== '') assert.equal(b.fields[field], value, `${o.kind}.${field} round-trips`);
    }
  });
});
