import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../domain/index.js';
import { readXlsx } from '../index.js';
import type { XlsxReadOptions } from '../index.js';
import { buildZip, minimalXlsxEntries } from '../testing/zip.js';

async function failure(buf: Buffer, opts: XlsxReadOptions = {}) {
  try {
    const t = await readXlsx(buf, { fileName: 'list.xlsx', ...opts });
    for await (const _ of t.rows) void _;
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  assert.fail('expected a DomainError');
}

test('the minimal workbook used below is itself readable', async () => {
  const t = await readXlsx(buildZip(minimalXlsxEntries()));
  const rows = [];
  for await (const r of t.rows) rows.push(r.values);
  assert.deepEqual(t.header, ['name']);
  assert.deepEqual(rows, [{ name: 'Олена' }]);
});

test('a workbook is read whatever the order of its parts, with or without shared strings', async () => {
  // Worksheet first and workbook.xml last (as many writers store them), no sharedStrings.xml.
  const reversed = buildZip([...minimalXlsxEntries()].reverse());
  for (let i = 0; i < 5; i++) {
    const t = await readXlsx(reversed);
    const rows = [];
    for await (const r of t.rows) rows.push(r.values);
    assert.equal(t.sheet, 'S');
    assert.deepEqual(rows, [{ name: 'Олена' }]);
  }
});

const zeros = Buffer.alloc(24 * 1024 * 1024, 0x20);
const entries = minimalXlsxEntries();

const bad: { name: string; zip: () => Buffer; opts?: XlsxReadOptions; code: string; issue: string }[] = [
  {
    name: 'a zip bomb disguised as XLSX (one entry inflating a thousandfold)',
    zip: () => buildZip([...entries, { name: 'xl/media/padding.xml', data: zeros }]),
    code: 'PAYLOAD_TOO_LARGE',
    issue: 'ZIP_BOMB',
  },
  {
    name: 'an entry that inflates to more than it declares',
    zip: () => buildZip([...entries, { name: 'xl/theme/theme1.xml', data: zeros, declaredSize: 1000 }]),
    code: 'PAYLOAD_TOO_LARGE',
    issue: 'ZIP_BOMB',
  },
  {
    name: 'more inflated bytes than the limit',
    zip: () => buildZip([...entries, { name: 'xl/a.xml', data: Buffer.alloc(300_000, 0x41) }]),
    opts: { zip: { maxUncompressedBytes: 200_000 } },
    code: 'PAYLOAD_TOO_LARGE',
    issue: 'ZIP_BOMB',
  },
  {
    name: 'too many entries',
    zip: () =>
      buildZip([
        ...entries,
        ...Array.from({ length: 30 }, (_, i) => ({ name: `xl/x${i}.xml`, data: '<x/>' })),
      ]),
    opts: { zip: { maxEntries: 20 } },
    code: 'PAYLOAD_TOO_LARGE',
    issue: 'ZIP_TOO_MANY_ENTRIES',
  },
  {
    name: 'path traversal in an entry name',
    zip: () => buildZip([...entries, { name: '../../etc/cron.d/x', data: 'x' }]),
    code: 'INPUT_INVALID',
    issue: 'ZIP_PATH_TRAVERSAL',
  },
  {
    name: 'an absolute entry name',
    zip: () => buildZip([...entries, { name: '/tmp/x.xml', data: 'x' }]),
    code: 'INPUT_INVALID',
    issue: 'ZIP_PATH_TRAVERSAL',
  },
  {
    name: 'a DOCTYPE with entities in a sheet',
    zip: () =>
      buildZip(
        minimalXlsxEntries(
          '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
        ),
      ),
    code: 'INPUT_INVALID',
    issue: 'XML_DOCTYPE',
  },
  {
    name: 'an entry hidden outside the central directory',
    zip: () => buildZip(entries, { hidden: [{ name: 'xl/sharedStrings.xml', data: '<sst/>' }] }),
    code: 'INPUT_INVALID',
    issue: 'ZIP_HIDDEN_DATA',
  },
  {
    name: 'bytes before the first entry',
    zip: () => buildZip(entries, { prefix: Buffer.from('MZ-not-a-workbook') }),
    code: 'INPUT_INVALID',
    issue: 'ZIP_HIDDEN_DATA',
  },
  {
    name: 'a file cut off in the middle',
    zip: () => {
      const whole = buildZip(entries);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    code: 'UNSUPPORTED_FORMAT',
    issue: 'NOT_ZIP',
  },
  {
    name: 'a workbook larger than maxBytes',
    zip: () => buildZip(entries),
    opts: { maxBytes: 100 },
    code: 'PAYLOAD_TOO_LARGE',
    issue: 'TOO_LARGE',
  },
];

describe('readXlsx refuses unsafe archives before parsing', () => {
  for (const b of bad) {
    test(b.name, async () => {
      const e = await failure(b.zip(), b.opts);
      assert.equal(e.code, b.code);
      assert.equal(e.issues[0]?.code, b.issue);
      assert.match(e.message, /^list\.xlsx/);
    });
  }
});
