import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { tableCounts } from '../app/imports/testing/fixtures.js';
import { codeOf, httpWorld, type HttpWorld } from './testing/http-fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LIST = "Прізвище,Ім'я,Дата народження\nКовальчук,Андрій,1990-01-02\nМельник,Ольга,31.04.1985\n";
const LIMIT = 64 * 1024;

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
    w = await httpWorld(fx.database(), 'imp', { config: { uploadLimitBytes: LIMIT } });
  });

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
