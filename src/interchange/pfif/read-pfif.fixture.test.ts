import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { NOTE_FIELDS, PERSON_FIELDS, PFIF_NS, readPfif, readPfifTable, writePfif } from '../index.js';
import type { PfifRecord } from '../index.js';

// dist/src/interchange/pfif/ → repository root is four levels up; the shared data sits beside it.
const FIXTURE = fileURLToPath(new URL('../../../../../shared/data/pfif/test.pfif-1.4.xml', import.meta.url));

async function all(input: Buffer | Readable): Promise<PfifRecord[]> {
  const out: PfifRecord[] = [];
  for await (const r of readPfif(input)) out.push(r);
  return out;
}

async function bytes(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Leaf elements of a PFIF document with their text, in document order (a test-side oracle). */
function leaves(xml: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const re = /<pfif:([a-z_]+)>([^<]*)<\/pfif:\1>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml))
    out.push({ name: m[1] as string, text: (m[2] as string).trim() });
  return out;
}

const OLD_NAMES: Record<string, string> = { first_name: 'given_name', last_name: 'family_name' };

/** Records without empty values (empty and absent say the same in PFIF). */
function meaningful(recs: PfifRecord[]) {
  return recs.map((r) => ({
    kind: r.kind,
    fields: Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v !== '')),
  }));
}

test("Person Finder's PFIF 1.4 fixture: every field lands in a record", async (t) => {
  if (!existsSync(FIXTURE)) return t.skip('../shared/data/pfif folder absent');
  const xml = readFileSync(FIXTURE);
  const recs = await all(xml);
  assert.deepEqual(
    recs.map((r) => r.kind),
    ['person', 'note', 'note', 'note', 'note'],
  );
  const values = new Set(recs.flatMap((r) => Object.entries(r.fields).map(([k, v]) => `${k}=${v}`)));
  for (const leaf of leaves(xml.toString('utf8'))) {
    const name = OLD_NAMES[leaf.name] ?? leaf.name;
    assert.ok(values.has(`${name}=${leaf.text}`), `${leaf.name} "${leaf.text}" is missing`);
  }
  const person = recs[0] as PfifRecord;
  for (const n of recs.slice(1)) assert.equal(n.fields.person_record_id, person.fields.person_record_id);
  assert.equal(person.fields.home_city, '_test_home_city');
});

test('read → write → read keeps every field, and the output is PFIF 1.4 in element order', async (t) => {
  if (!existsSync(FIXTURE)) return t.skip('../shared/data/pfif folder absent');
  const first = await all(readFileSync(FIXTURE));
  const xml = await bytes(writePfif(first));
  const text = xml.toString('utf8');
  assert.match(text, new RegExp(`xmlns:pfif="${PFIF_NS.replace(/\./g, '\\.')}"`));
  const second = await all(xml);
  assert.deepEqual(meaningful(second), meaningful(first));
  // Element order within each record follows the 1.4 lists.
  for (const block of text.split(/<pfif:(?:person|note)>/).slice(1)) {
    const names = [...block.matchAll(/<pfif:([a-z_]+)>/g)].map((m) => m[1] as string);
    const order = names.includes('note_record_id') ? NOTE_FIELDS : PERSON_FIELDS;
    const idx = names.map((n) => (order as readonly string[]).indexOf(n)).filter((i) => i >= 0);
    assert.deepEqual(
      idx,
      [...idx].sort((a, b) => a - b),
    );
  }
  // Notes that followed their person are nested in it.
  assert.equal((text.match(/<pfif:note>/g) ?? []).length, 4);
  assert.ok(text.indexOf('</pfif:person>') > text.lastIndexOf('<pfif:note>'));
});

test('PFIF as a table: one row per person with its notes', async (t) => {
  if (!existsSync(FIXTURE)) return t.skip('../shared/data/pfif folder absent');
  const table = await readPfifTable(Readable.from([readFileSync(FIXTURE)]));
  const rows = [];
  for await (const r of table.rows) rows.push(r);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.values.given_name, '_test_first_name');
  assert.equal(rows[0]?.notes?.length, 4);
  assert.deepEqual(table.looseNotes, []);
});
