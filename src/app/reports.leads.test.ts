import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError } from '../domain/index.js';
import { analyst, aSource, officer, testApp } from './testing/test-app.js';
import { isInternalAddress, fetchReportUrl } from './fetch-url.js';

const DAY1 = `Brovarske, 17 May 2022. The Ministry of Defence said on Tuesday that 264 servicemen had surrendered at the Zorya plant since Monday, including 51 seriously wounded.
Lieutenant Colonel Denys Kovalchuk, 41, reportedly surrendered on Monday, a spokesman said.`;
const DAY2 = `Brovarske, 18 May 2022. The Ministry of Defence said on Wednesday that a total of 959 servicemen had surrendered at the Zorya plant since May 16. In the last 24 hours, 695 servicemen surrendered.`;

test('internal addresses are recognised', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '0.0.0.0',
  ])
    assert.equal(isInternalAddress(a), true, a);
  for (const a of ['93.184.216.34', '2a00:1450:4001:80b::200e']) assert.equal(isInternalAddress(a), false, a);
});

test('URLs to internal addresses, other schemes and credentials are refused before any request', async () => {
  for (const url of [
    'http://127.0.0.1:3000/api/health',
    'http://[::1]/',
    'file:///etc/passwd',
    'ftp://example.org/x',
    'http://user:pw@example.org/',
    'not a url',
    'http://localhost:9/',
  ]) {
    await assert.rejects(
      fetchReportUrl(url, { timeoutMs: 2000 }),
      (e) => isDomainError(e, 'INPUT_INVALID'),
      url,
    );
  }
});

forEachDialect('reports in the registry', (fx) => {
  test('a report becomes a source with leads; a lead matched to a registry person is accepted as unconfirmed claims and events', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Reports registry list');
    const p = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Ковальчук' },
        { field: 'given_name', value: 'Денис' },
        { field: 'date_of_birth', value: { year: 1981, month: 2, day: 2 } },
      ],
    });
    const r1 = await app.reports.submit(officer, {
      text: DAY1,
      published: '2022-05-17',
      publisher: 'Invented Daily',
    });
    assert.ok(r1.figures >= 2);
    assert.equal(r1.leads, 1);
    const again = await app.reports.submit(officer, { text: DAY1, published: '2022-05-17' });
    assert.equal(again.duplicate, true, 'the same report is stored once');
    const got = await app.reports.get(officer, r1.id);
    const lead = got.leads[0]!;
    assert.equal(lead.candidates[0]?.personId, p.person.id, 'the mention is matched to the registry person');
    await app.reports.acceptLead(officer, lead.id, { personId: p.person.id, expectedVersion: lead.version });
    const person = await app.persons.get(officer, p.person.id);
    const fromReport = person.claims.filter((c) => c.sourceId === got.sourceId);
    assert.ok(fromReport.length >= 2);
    assert.ok(fromReport.every((c) => c.confidence === 'unconfirmed'));
    assert.ok(person.timeline.some((e) => e.kind === 'surrendered' && e.sourceId === got.sourceId));
    await assert.rejects(app.reports.acceptLead(officer, lead.id, { expectedVersion: lead.version }), (e) =>
      isDomainError(e, 'VERSION_CONFLICT'),
    );
    await app.reports.submit(officer, { text: DAY2, published: '2022-05-18', publisher: 'Invented Daily' });
    const rec = await app.reports.reconcile(analyst, {});
    assert.ok(
      rec.reconciliation.some((x) => x.kind === 'sum'),
      'the earlier daily count plus the later one is found as a sum',
    );
    assert.ok(
      rec.registry.some((x) => x.category === 'surrendered' && x.registryCount === 1),
      'announced figures are compared with the registry',
    );
    assert.equal(JSON.stringify(rec).includes('Kovalchuk'), false, 'analysts get no names');
    await assert.rejects(app.reports.get(analyst, r1.id), (e) => isDomainError(e, 'FORBIDDEN'));
  });

  test('bad input: none or two inputs, impossible dates, empty or foreign texts', async () => {
    const app = testApp(fx.database());
    await assert.rejects(app.reports.submit(officer, {}), (e) => isDomainError(e, 'VALIDATION_FAILED'));
    await assert.rejects(app.reports.submit(officer, { text: 'a', html: '<p>b</p>' }), (e) =>
      isDomainError(e, 'VALIDATION_FAILED'),
    );
    await assert.rejects(app.reports.submit(officer, { text: DAY2, published: '2022-02-30' }), (e) =>
      isDomainError(e),
    );
    const empty = await app.reports.submit(officer, { text: '   ' });
    assert.equal(empty.figures, 0);
    assert.ok(empty.reason);
  });
});
