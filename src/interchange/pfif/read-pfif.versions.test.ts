import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { isDomainError } from '../../domain/index.js';
import { readPfif, writePfif } from '../index.js';
import type { PfifRecord } from '../index.js';

async function all(xml: string): Promise<PfifRecord[]> {
  const out: PfifRecord[] = [];
  for await (const r of readPfif(Buffer.from(xml))) out.push(r);
  return out;
}

async function failure(xml: string) {
  try {
    await all(xml);
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  assert.fail('expected a DomainError');
}

// Invented records.
const v12 = `<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.2">
  <pfif:person>
    <pfif:person_record_id>example.org/p.1</pfif:person_record_id>
    <pfif:first_name>OLENA</pfif:first_name>
    <pfif:last_name>SHEVCHUK</pfif:last_name>
    <pfif:home_zip>01001</pfif:home_zip>
    <pfif:other>description: seen in Kyiv</pfif:other>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>example.org/n.1</pfif:note_record_id>
    <pfif:person_record_id>example.org/p.1</pfif:person_record_id>
    <pfif:found>true</pfif:found>
    <pfif:text>Spoke with her &amp; her brother &lt;by phone&gt;</pfif:text>
  </pfif:note>
</pfif:pfif>`;

test('PFIF 1.1–1.3 field names arrive under their 1.4 names', async () => {
  const [person, note] = await all(v12);
  assert.deepEqual(person?.fields, {
    person_record_id: 'example.org/p.1',
    given_name: 'OLENA',
    family_name: 'SHEVCHUK',
    home_postal_code: '01001',
    description: 'description: seen in Kyiv',
  });
  assert.equal(note?.nested, false);
  assert.equal(note?.fields.author_made_contact, 'true');
  assert.equal(note?.fields.text, 'Spoke with her & her brother <by phone>');
});

test('records inside an Atom feed are found', async () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:pfif="http://zesty.ca/pfif/1.4"><entry>
    <pfif:person><pfif:person_record_id>example.org/p.2</pfif:person_record_id><pfif:full_name>Тарас Бондар</pfif:full_name></pfif:person>
  </entry></feed>`;
  const recs = await all(atom);
  assert.deepEqual(recs[0]?.fields, { person_record_id: 'example.org/p.2', full_name: 'Тарас Бондар' });
});

test('the writer escapes markup, keeps line breaks and refuses a record without its id', async () => {
  const person = {
    kind: 'person' as const,
    fields: { person_record_id: 'x/1', full_name: 'A <b> & "c"\r\nd' },
  };
  const chunks: Buffer[] = [];
  for await (const c of writePfif([person])) chunks.push(c as Buffer);
  const [back] = await all(Buffer.concat(chunks).toString());
  assert.equal(back?.fields.full_name, 'A <b> & "c"\r\nd');
  assert.equal(back?.fields.source_date, '');
  const noId = writePfif([{ kind: 'note', fields: { text: 'x' } }]);
  await assert.rejects(
    (async () => {
      for await (const _ of noId) void _;
    })(),
    { code: 'VALIDATION_FAILED' },
  );
});

const hostile: { name: string; xml: string; issue: string }[] = [
  {
    name: 'entity expansion (billion laughs)',
    xml: `<?xml version="1.0"?><!DOCTYPE pfif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
      <pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>&c;</pfif:full_name></pfif:person></pfif:pfif>`,
    issue: 'XML_DOCTYPE',
  },
  {
    name: 'an external entity',
    xml: `<?xml version="1.0"?><!DOCTYPE pfif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>&xxe;</pfif:full_name></pfif:person></pfif:pfif>`,
    issue: 'XML_DOCTYPE',
  },
  {
    name: 'an undeclared entity',
    xml: `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>&nbsp;</pfif:full_name></pfif:person></pfif:pfif>`,
    issue: 'BAD_XML',
  },
  {
    name: 'a document cut off in the middle',
    xml: `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>Оле`,
    issue: 'TRUNCATED',
  },
];

describe('readPfif refuses hostile or broken XML', () => {
  for (const h of hostile) {
    test(h.name, async () => {
      const e = await failure(h.xml);
      assert.equal(e.code, 'INPUT_INVALID');
      assert.equal(e.issues[0]?.code, h.issue);
      assert.equal(typeof e.issues[0]?.row, 'number');
    });
  }
  test('XML that is not PFIF', async () => {
    const e = await failure('<html><body>hello</body></html>');
    assert.equal(e.code, 'UNSUPPORTED_FORMAT');
  });
});

test('records stream out before the document ends', async () => {
  let sent = 0;
  async function* source() {
    yield Buffer.from('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">');
    for (let i = 0; i < 10_000; i++) {
      sent++;
      yield Buffer.from(`<pfif:person><pfif:person_record_id>x/${i}</pfif:person_record_id></pfif:person>`);
    }
    yield Buffer.from('</pfif:pfif>');
  }
  for await (const r of readPfif(Readable.from(source()))) {
    assert.equal(r.fields.person_record_id, 'x/0');
    break;
  }
  assert.ok(sent < 10_000, `sent ${sent} persons before the first record came out`);
});
