import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDialect } from '../db/testing/dialects.js';
import { tableCounts } from '../app/imports/testing/fixtures.js';
import { codeOf, httpWorld, pathsOf, type HttpWorld } from './testing/http-fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LIST = "Прізвище,Ім'я,Дата народження\nКовальчук,Андрій,1990-01-02\nМельник,Ольга,31.04.1985\n";
const LIMIT = 64 * 1024;
const FORM_LIST = "Прізвище,Ім'я,Дата народження\nБондаренко,Марія,1987-05-06\nШевчук,Олег,30.02.1990\n";

type FormPart =
  readonly [name: string, value: string] | readonly [name: string, file: Blob, fileName: string];

/** A multipart/form-data body as a browser or `curl -F` sends it, encoded by the platform's own FormData. */
async function form(...parts: FormPart[]): Promise<{ payload: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [name, value, fileName] of parts)
    if (typeof value === 'string') fd.append(name, value);
    else fd.append(name, value, fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

const csvFile = (text: string) => new Blob([text], { type: 'text/csv' });

/** Temporary upload files of this process (TMPDIR points at a directory of this suite's own). */
function uploadsLeft(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('whereabouts-upload-'));
}

forEachDialect('http imports and exports', (fx) => {
  let w: HttpWorld;
  const auth = (role: keyof HttpWorld['tokens']) => ({ authorization: `Bearer ${w.tokens[role]}` });

  async function finished(jobId: string, role: keyof HttpWorld['tokens'] = 'registrar'): Promise<Json> {
    await w.app.imports.jobs.idle();
    const r = await w.server.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: auth(role) });
    assert.equal(r.statusCode, 200);
    return r.json() as Json;
  }

  test('set up', async () => {
    process.env['TMPDIR'] = mkdtempSync(join(tmpdir(), 'whereabouts-http-imports-'));
    w = await httpWorld(fx.database(), 'imp', { config: { uploadLimitBytes: LIMIT } });
  });

  async function postForm(
    body: { payload: Buffer; contentType: string },
    query = '',
    role: keyof HttpWorld['tokens'] = 'registrar',
  ) {
    return w.server.inject({
      method: 'POST',
      url: `/api/imports${query}`,
      headers: { ...auth(role), 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  test('an upload is imported by a job the client polls for its report', async () => {
    const r = await w.server.inject({
      method: 'POST',
      url: '/api/imports?source=Uploaded%20list&fileName=list.csv',
      headers: { ...auth('registrar'), 'content-type': 'text/csv' },
      payload: LIST,
    });
    assert.equal(r.statusCode, 202);
    const job = await finished((r.json() as Json).jobId);
    assert.equal(job.state, 'done');
    assert.equal(job.report.created, 1);
    assert.deepEqual(
      job.report.rejected.map((x: Json) => [x.row, x.column, x.code]),
      [[3, 'Дата народження', 'DATE_INVALID']],
    );
    assert.equal(job.progress.rows, 2);
  });

  test('an upload over the limit is refused with 413 and nothing is written', async () => {
    const before = await tableCounts(fx.database());
    const big = 'family_name\n' + 'Коваленко\n'.repeat(LIMIT / 8);
    const r = await w.server.inject({
      method: 'POST',
      url: '/api/imports?source=Too%20big',
      headers: { ...auth('registrar'), 'content-type': 'text/csv' },
      payload: big,
    });
    assert.deepEqual([r.statusCode, codeOf(r)], [413, 'PAYLOAD_TOO_LARGE']);
    assert.deepEqual(await tableCounts(fx.database()), before);
    await w.app.imports.jobs.idle();
    assert.deepEqual(uploadsLeft(), []);
  });

  test('a multipart form upload is imported: the file part is the list, its name the file name, other fields the options', async () => {
    // Fields after the file are read too (a form may put them in any order).
    const r = await postForm(await form(['file', csvFile(FORM_LIST), 'list.csv'], ['source', 'Form list']));
    assert.equal(r.statusCode, 202, r.body);
    const job = await finished((r.json() as Json).jobId);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(job.report.fileName, 'list.csv');
    assert.equal(job.report.dryRun, false);
    assert.equal(job.report.created, 1);
    assert.deepEqual(
      job.report.rejected.map((x: Json) => [x.row, x.column, x.code, x.value]),
      [[3, 'Дата народження', 'DATE_INVALID', '30.02.1990']],
    );
    const source = await w.server.inject({
      method: 'GET',
      url: `/api/sources/${job.report.sourceId}`,
      headers: auth('registrar'),
    });
    assert.equal((source.json() as Json).title, 'Form list');
    assert.deepEqual(uploadsLeft(), []);
  });

  test('the query wins over a form field giving the same option; the others still count', async () => {
    const r = await postForm(
      await form(
        ['source', 'Form list'],
        ['dryRun', 'true'],
        ['map', 'family_name=Прізвище'],
        ['map', 'date_of_birth='],
        ['file', csvFile(FORM_LIST), 'other.csv'],
      ),
      '?source=Query%20list&dryRun=false&fileName=named.csv',
    );
    assert.equal(r.statusCode, 202, r.body);
    const job = await finished((r.json() as Json).jobId);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(job.report.fileName, 'named.csv');
    assert.equal(job.report.dryRun, false);
    // Both map fields count: the second unmaps the date column, so its impossible date is not read.
    assert.equal(job.report.mapping['Прізвище'], 'family_name');
    assert.deepEqual(job.report.unmappedColumns, ['Дата народження']);
    assert.deepEqual(job.report.rejected, []);
    const source = await w.server.inject({
      method: 'GET',
      url: `/api/sources/${job.report.sourceId}`,
      headers: auth('registrar'),
    });
    assert.equal((source.json() as Json).title, 'Query list');
    const preview = await postForm(
      await form(['source', 'Preview'], ['dryRun', 'true'], ['file', csvFile(FORM_LIST), 'p.csv']),
    );
    assert.equal(preview.statusCode, 202, preview.body);
    const previewJob = await finished((preview.json() as Json).jobId);
    assert.equal(previewJob.report?.dryRun, true, JSON.stringify(previewJob.error));
  });

  test('a form upload over the limit is refused with 413 and nothing is written or left behind', async () => {
    await w.app.imports.jobs.idle();
    const before = await tableCounts(fx.database());
    const big = 'family_name\n' + 'Коваленко\n'.repeat(LIMIT / 8);
    const r = await postForm(await form(['source', 'Too big'], ['file', csvFile(big), 'big.csv']));
    assert.deepEqual([r.statusCode, codeOf(r)], [413, 'PAYLOAD_TOO_LARGE']);
    assert.deepEqual(await tableCounts(fx.database()), before);
    assert.deepEqual(uploadsLeft(), []);
  });

  test('a form without a file, or with an empty file input, is INPUT_INVALID', async () => {
    for (const body of [
      await form(['source', 'No file']),
      await form(['source', 'No file'], ['file', new Blob([]), '']),
    ]) {
      const r = await postForm(body);
      assert.deepEqual([r.statusCode, codeOf(r)], [400, 'INPUT_INVALID'], r.body);
      assert.match((r.json() as Json).error.message, /no file/);
    }
    assert.deepEqual(uploadsLeft(), []);
  });

  test('a malformed multipart body is a clear INPUT_INVALID, never a crash, and leaves nothing behind', async () => {
    await w.app.imports.jobs.idle();
    const before = await tableCounts(fx.database());
    const whole = await form(['source', 'Cut'], ['file', csvFile(FORM_LIST.repeat(50)), 'cut.csv']);
    const cases = [
      // No boundary in the Content-Type.
      { contentType: 'multipart/form-data', payload: Buffer.from('family_name\nMelnyk\n') },
      // A boundary that never comes.
      {
        contentType: 'multipart/form-data; boundary=x-never-seen',
        payload: Buffer.from('not a form at all'),
      },
      // Cut off in the middle of the file part.
      { contentType: whole.contentType, payload: whole.payload.subarray(0, whole.payload.length / 2) },
      // A part without its headers' end.
      {
        contentType: 'multipart/form-data; boundary=b',
        payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n'),
      },
    ];
    for (const body of cases) {
      const r = await postForm(body);
      assert.deepEqual([r.statusCode, codeOf(r)], [400, 'INPUT_INVALID'], r.body);
      assert.match((r.json() as Json).error.message, /the multipart\/form-data body is malformed/);
    }
    assert.deepEqual(await tableCounts(fx.database()), before);
    assert.deepEqual(uploadsLeft(), []);
    const health = await w.server.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
  });

  test('form fields are checked like the query; a refused form keeps no file', async () => {
    const wrong = await postForm(await form(['file', csvFile(FORM_LIST), 'a.csv'], ['format', 'docx']));
    assert.deepEqual([wrong.statusCode, codeOf(wrong)], [422, 'VALIDATION_FAILED'], wrong.body);
    assert.ok(pathsOf(wrong).includes('format'), wrong.body);
    const unknown = await postForm(await form(['colour', 'red'], ['file', csvFile(FORM_LIST), 'a.csv']));
    assert.deepEqual([unknown.statusCode, codeOf(unknown)], [422, 'VALIDATION_FAILED'], unknown.body);
    assert.ok(pathsOf(unknown).includes('colour'), unknown.body);
    const two = await postForm(
      await form(['file', csvFile(FORM_LIST), 'a.csv'], ['file', csvFile(FORM_LIST), 'b.csv']),
    );
    assert.deepEqual([two.statusCode, codeOf(two)], [400, 'INPUT_INVALID'], two.body);
    assert.match((two.json() as Json).error.message, /one list per upload/);
    const denied = await postForm(await form(['file', csvFile(FORM_LIST), 'a.csv']), '', 'analyst');
    assert.deepEqual([denied.statusCode, codeOf(denied)], [403, 'FORBIDDEN']);
    assert.deepEqual(uploadsLeft(), []);
  });

  test('the OpenAPI document describes both forms of the upload', async () => {
    const r = await w.server.inject({ method: 'GET', url: '/api/openapi.json' });
    const body = (r.json() as Json).paths['/api/imports'].post.requestBody.content;
    assert.deepEqual(Object.keys(body).sort(), ['application/octet-stream', 'multipart/form-data']);
    const formSchema = body['multipart/form-data'].schema;
    assert.deepEqual(formSchema.required, ['file']);
    assert.equal(formSchema.properties.file.format, 'binary');
    for (const option of ['source', 'sourceId', 'format', 'map', 'dryRun', 'fileName'])
      assert.ok(formSchema.properties[option], option);
    assert.equal(body['application/octet-stream'].schema.format, 'binary');
  });

  test('a job is seen only by its owner; analysts may not import', async () => {
    const r = await w.server.inject({
      method: 'POST',
      url: '/api/imports?source=Uploaded%20list',
      headers: { ...auth('registrar'), 'content-type': 'text/csv' },
      payload: LIST,
    });
    const jobId = (r.json() as Json).jobId as string;
    await w.app.imports.jobs.idle();
    const other = await w.server.inject({
      method: 'GET',
      url: `/api/imports/${jobId}`,
      headers: auth('tracing_officer'),
    });
    assert.deepEqual([other.statusCode, codeOf(other)], [404, 'NOT_FOUND']);
    const denied = await w.server.inject({
      method: 'POST',
      url: '/api/imports?source=x',
      headers: { ...auth('analyst'), 'content-type': 'text/csv' },
      payload: LIST,
    });
    assert.deepEqual([denied.statusCode, codeOf(denied)], [403, 'FORBIDDEN']);
    const cancelDone = await w.server.inject({
      method: 'DELETE',
      url: `/api/imports/${jobId}`,
      headers: auth('registrar'),
    });
    assert.deepEqual([cancelDone.statusCode, codeOf(cancelDone)], [409, 'STATE_INVALID']);
  });

  test('an export streams the chosen fields of the filtered persons', async () => {
    const r = await w.server.inject({
      method: 'GET',
      url: '/api/exports?format=csv&fields=family_name,given_name&q=%D0%9A%D0%BE%D0%B2%D0%B0%D0%BB%D1%8C%D1%87%D1%83%D0%BA',
      headers: auth('tracing_officer'),
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="persons-.*\.csv"/);
    assert.deepEqual(
      r.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
      ['family_name,given_name', 'Ковальчук,Андрій'],
    );
    const denied = await w.server.inject({
      method: 'GET',
      url: '/api/exports?format=csv',
      headers: auth('analyst'),
    });
    assert.deepEqual([denied.statusCode, codeOf(denied)], [403, 'FORBIDDEN']);
  });
});

forEachDialect('http import preview', (fx) => {
  test('a dry run (?dryRun=true) previews without writing', async () => {
    const w = await httpWorld(fx.database(), 'preview');
    const csv = 'family_name,given_name,date_of_birth\nMelnyk,Ivan,1990-01-02\n';
    const started = await w.server.inject({
      method: 'POST',
      url: '/api/imports?source=Preview%20list&dryRun=true',
      headers: { authorization: `Bearer ${w.tokens.registrar}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    assert.equal(started.statusCode, 202, started.body);
    const { jobId } = started.json() as { jobId: string };
    let job: { state: string; report?: { dryRun: boolean; created: number } } = { state: 'running' };
    for (let i = 0; i < 200 && job.state !== 'done' && job.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (
        await w.server.inject({
          method: 'GET',
          url: `/api/imports/${jobId}`,
          headers: { authorization: `Bearer ${w.tokens.registrar}` },
        })
      ).json();
    }
    assert.equal(job.state, 'done', JSON.stringify(job));
    assert.equal(job.report?.dryRun, true);
    const listed = (
      await w.server.inject({
        method: 'GET',
        url: '/api/persons?q=melnyk',
        headers: { authorization: `Bearer ${w.tokens.registrar}` },
      })
    ).json() as { items: unknown[] };
    assert.equal(listed.items.length, 0, 'nothing was written');
  });
});
