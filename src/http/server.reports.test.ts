// The reports routes end to end: submission with field errors, the list, a report with its leads
// and their registry candidates (summaries, explanations), accepting and dismissing leads, the
// reconciliation for analysts, and who may do what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld, pathsOf, type HttpWorld } from './testing/http-fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Invented people, places and numbers.
const DAY1 = `Zorya plant statement

Published: 17 May 2022

Since Monday, 264 servicemen have surrendered at the Zorya plant, including 51 seriously wounded, the Ministry of Defence said.

Senior Lieutenant Marko Tkachuk, 34, reportedly surrendered on Monday, a spokesman said. Private Ostap Melnyk, 22, was wounded on Sunday.`;
const DAY2 = `Zorya plant statement

Published: 18 May 2022

A total of 959 servicemen have surrendered at the Zorya plant since May 16, the Ministry of Defence said. In the last 24 hours, 695 servicemen surrendered.`;

forEachDialect('http reports routes', (fx) => {
  let w: HttpWorld;
  let personId: string;
  let reportId: string;
  let sourceId: string;
  const as = (role: keyof HttpWorld['tokens'], body?: unknown) => ({
    token: w.tokens[role],
    ...(body !== undefined && { body }),
  });

  test('set up: a registry person the report will name', async () => {
    w = await httpWorld(fx.database(), 'rep');
    const src = await call(
      w.server,
      'POST',
      '/api/sources',
      as('registrar', { kind: 'list', title: 'Roll' }),
    );
    const p = await call(
      w.server,
      'POST',
      '/api/persons',
      as('registrar', {
        sourceId: (src.json() as Json).id,
        claims: [
          { field: 'family_name', value: 'Ткачук' },
          { field: 'given_name', value: 'Марко' },
          { field: 'date_of_birth', value: { year: 1988, month: 1, day: 9 } },
        ],
      }),
    );
    assert.equal(p.statusCode, 201);
    personId = (p.json() as Json).person.id;
  });

  test('submission errors name their field', async () => {
    const impossible = await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { text: DAY1, published: '2022-02-30' }),
    );
    assert.deepEqual([impossible.statusCode, pathsOf(impossible)], [422, ['published']]);
    const badFormat = await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { text: DAY1, published: '17.05.2022' }),
    );
    assert.deepEqual([badFormat.statusCode, pathsOf(badFormat)], [422, ['published']]);
    const two = await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { text: DAY1, html: '<p>x</p>' }),
    );
    assert.deepEqual([two.statusCode, codeOf(two), pathsOf(two)], [422, 'VALIDATION_FAILED', ['text']]);
    const internal = await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { url: 'http://127.0.0.1:9/report' }),
    );
    assert.deepEqual(
      [internal.statusCode, codeOf(internal), pathsOf(internal)],
      [400, 'INPUT_INVALID', ['url']],
    );
  });

  test('a report is submitted, listed, and read with its leads and their registry candidates', async () => {
    const r = await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { text: DAY1, publisher: 'Invented Daily', language: 'en' }),
    );
    assert.equal(r.statusCode, 201);
    const submitted = r.json() as Json;
    assert.deepEqual([submitted.duplicate, submitted.leads], [false, 2]);
    reportId = submitted.id;
    const list = (await call(w.server, 'GET', '/api/reports', as('tracing_officer'))).json() as Json[];
    const row = list.find((x) => x.id === reportId)!;
    assert.deepEqual(
      [row.published, row.publisher, row.leads],
      ['2022-05-17', 'Invented Daily', { open: 2 }],
    );
    const got = await call(w.server, 'GET', `/api/reports/${reportId}`, as('tracing_officer'));
    assert.equal(got.statusCode, 200);
    const detail = got.json() as Json;
    sourceId = detail.sourceId;
    assert.equal(detail.extraction.dating.source, 'text');
    assert.ok(detail.extraction.figures.some((f: Json) => f.count === 264 && f.category === 'surrendered'));
    const lead = detail.leads.find((l: Json) => l.name === 'Marko Tkachuk');
    const candidate = lead.candidates[0];
    assert.equal(candidate.personId, personId);
    assert.deepEqual([candidate.fields.family_name, candidate.fields.given_name], ['Ткачук', 'Марко']);
    assert.ok(Array.isArray(candidate.explanation.contributions), 'the score comes with its explanation');
    const audit = (await call(w.server, 'GET', '/api/audit?action=report.read', as('admin'))).json() as Json;
    assert.ok(
      audit.items.some((e: Json) => e.subjectId === reportId && e.details.persons.includes(personId)),
      'reading the report is audited with the registry persons it showed',
    );
  });

  test('a lead is accepted into the registry person; another is dismissed; decided leads stay decided', async () => {
    const detail = (await call(w.server, 'GET', `/api/reports/${reportId}`, as('registrar'))).json() as Json;
    const tkachuk = detail.leads.find((l: Json) => l.name === 'Marko Tkachuk');
    const melnyk = detail.leads.find((l: Json) => l.name === 'Ostap Melnyk');
    const accepted = await call(
      w.server,
      'POST',
      `/api/leads/${tkachuk.id}/accept`,
      as('registrar', { personId, expectedVersion: tkachuk.version }),
    );
    assert.equal(accepted.statusCode, 200);
    assert.equal((accepted.json() as Json).personId, personId);
    const person = (await call(w.server, 'GET', `/api/persons/${personId}`, as('registrar'))).json() as Json;
    assert.ok(person.timeline.some((e: Json) => e.kind === 'surrendered' && e.sourceId === sourceId));
    assert.ok(person.claims.some((c: Json) => c.field === 'rank' && c.sourceId === sourceId));
    const noReason = await call(
      w.server,
      'POST',
      `/api/leads/${melnyk.id}/dismiss`,
      as('registrar', { reason: ' ', expectedVersion: melnyk.version }),
    );
    assert.deepEqual([noReason.statusCode, pathsOf(noReason)], [422, ['reason']]);
    const dismissed = await call(
      w.server,
      'POST',
      `/api/leads/${melnyk.id}/dismiss`,
      as('registrar', { reason: 'Not the person sought', expectedVersion: melnyk.version }),
    );
    assert.deepEqual([dismissed.statusCode, (dismissed.json() as Json).status], [200, 'dismissed']);
    const again = await call(
      w.server,
      'POST',
      `/api/leads/${melnyk.id}/dismiss`,
      as('registrar', { reason: 'twice', expectedVersion: melnyk.version + 1 }),
    );
    assert.deepEqual([again.statusCode, codeOf(again)], [409, 'STATE_INVALID']);
    const list = (await call(w.server, 'GET', '/api/reports', as('registrar'))).json() as Json[];
    assert.deepEqual(list.find((x) => x.id === reportId)!.leads, { accepted: 1, dismissed: 1 });
  });

  test('the reconciliation finds the sum across reports, names its rule, and shows analysts no names', async () => {
    await call(
      w.server,
      'POST',
      '/api/reports',
      as('registrar', { text: DAY2, publisher: 'Invented Daily' }),
    );
    const rec = await call(w.server, 'GET', '/api/reports/reconciliation', as('analyst'));
    assert.equal(rec.statusCode, 200);
    const body = rec.json() as Json;
    const sum = body.reconciliation.find((x: Json) => x.kind === 'sum');
    assert.equal(sum.rule, 'sum');
    const counts = sum.figures.map(([r, f]: [number, number]) => body.reports[r].figures[f].count);
    assert.deepEqual(counts, [264, 695, 959]);
    assert.ok(body.registry.some((x: Json) => x.category === 'surrendered' && x.registryCount === 1));
    assert.equal(JSON.stringify(body).includes('Tkachuk'), false);
  });

  test('who may do what', async () => {
    for (const [method, url] of [
      ['GET', '/api/reports'],
      ['GET', `/api/reports/${reportId}`],
    ] as const) {
      const r = await call(w.server, method, url, as('analyst'));
      assert.deepEqual([r.statusCode, codeOf(r)], [403, 'FORBIDDEN'], url);
    }
    const submit = await call(w.server, 'POST', '/api/reports', as('auditor', { text: DAY2 }));
    assert.deepEqual([submit.statusCode, codeOf(submit)], [403, 'FORBIDDEN']);
  });
});
