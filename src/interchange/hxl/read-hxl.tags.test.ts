import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHxl, suggestMapping } from '../index.js';
import type { TableReader } from '../index.js';

async function values(t: TableReader) {
  const out = [];
  for await (const r of t.rows) out.push([r.line, r.values]);
  return out;
}

// Invented people only.
test('a hashtag row under a text header: values keyed by the text header, tags exposed', async () => {
  const csv = [
    'List of persons registered at point 4',
    'Name,Date of birth,Oblast,Sex,Age',
    '#affected +name,#date +birth,#adm1 +name,#sex,#age',
    'Олена Шевчук,1994-03-05,Донецька,f,30',
    'Тарас Бондар,1990-01-01,Харківська,m,34',
  ].join('\n');
  const t = await readHxl(Buffer.from(csv));
  assert.deepEqual(t.header, ['Name', 'Date of birth', 'Oblast', 'Sex', 'Age']);
  assert.deepEqual(t.hxlTags, ['#affected +name', '#date +birth', '#adm1 +name', '#sex', '#age']);
  assert.deepEqual(await values(t), [
    [4, { Name: 'Олена Шевчук', 'Date of birth': '1994-03-05', Oblast: 'Донецька', Sex: 'f', Age: '30' }],
    [5, { Name: 'Тарас Бондар', 'Date of birth': '1990-01-01', Oblast: 'Харківська', Sex: 'm', Age: '34' }],
  ]);
  assert.deepEqual(suggestMapping(t.header, t.hxlTags), {
    Name: 'full_name',
    'Date of birth': 'date_of_birth',
    Oblast: 'place',
    Sex: 'sex',
    Age: 'age',
  });
});

test('a hashtag row first: tags (attributes sorted) become the column names', async () => {
  const csv = '#affected+name+given;#affected +family +name;#meta +notes;\nОлена;Шевчук;;\n';
  const t = await readHxl(Buffer.from(csv));
  assert.deepEqual(t.header, ['#affected +given +name', '#affected +family +name', '#meta +notes']);
  assert.deepEqual(t.hxlTags, t.header);
  assert.deepEqual(await values(t), [
    [2, { '#affected +given +name': 'Олена', '#affected +family +name': 'Шевчук', '#meta +notes': '' }],
  ]);
});

test('a CSV without a hashtag row is not HXL', async () => {
  await assert.rejects(readHxl(Buffer.from('a,b\n1,2\n')), { code: 'UNSUPPORTED_FORMAT' });
});

test('ragged rows are reported with their line, as in CSV', async () => {
  const t = await readHxl(Buffer.from('#affected +name,#age\nОлена,30,extra\nТарас,34\n'), {
    onError: 'collect',
  });
  assert.equal((await values(t)).length, 1);
  assert.deepEqual(
    t.issues.map((i) => [i.row, i.code]),
    [[2, 'RAGGED_ROW']],
  );
});
