import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld } from './testing/http-fixture.js';

forEachDialect('http tracing', (fx) => {
  test('an enquiry over HTTP: recorded, candidate confirmed; the enquirer hidden from those without the permission', async () => {
    const w = await httpWorld(fx.database(), 'tracing');
    const officer = w.tokens.tracing_officer;
    const src = (
      await call(w.server, 'POST', '/api/sources', {
        token: officer,
        body: { kind: 'list', title: 'Tracing HTTP list' },
      })
    ).json() as { id: string };
    await call(w.server, 'POST', '/api/persons', {
      token: officer,
      body: {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Зінченко' },
          { field: 'given_name', value: 'Роман' },
          { field: 'date_of_birth', value: { year: 1993, month: 8, day: 14 } },
        ],
      },
    });
    const created = await call(w.server, 'POST', '/api/enquiries', {
      token: officer,
      body: {
        enquirer: { name: 'Invented Sister', relationship: 'sister', email: 'sister@example.org' },
        consent: { tracing: true, givenOn: '2022-06-02' },
        sought: {
          family_name: 'Zinchenko',
          given_name: 'Roman',
          date_of_birth: { year: 1993, month: 8, day: 14 },
        },
      },
    });
    assert.equal(created.statusCode, 201);
    const { id } = created.json() as { id: string };
    const detail = (await call(w.server, 'GET', `/api/enquiries/${id}`, { token: officer })).json() as {
      status: string;
      candidates: { id: string }[];
      enquirer: { email: string };
    };
    assert.equal(detail.status, 'candidate_found');
    assert.equal(detail.enquirer.email, 'sister@example.org');
    assert.equal(
      codeOf(await call(w.server, 'GET', `/api/enquiries/${id}`, { token: w.tokens.registrar })),
      'FORBIDDEN',
    );
    const decided = await call(
      w.server,
      'POST',
      `/api/enquiries/${id}/candidates/${detail.candidates[0]!.id}/decision`,
      { token: officer, body: { decision: 'accepted' } },
    );
    assert.equal(decided.statusCode, 200);
    const bad = await call(w.server, 'POST', '/api/enquiries', {
      token: officer,
      body: {
        enquirer: { name: 'X', relationship: 'y' },
        consent: { tracing: false, givenOn: '2022-06-02' },
        sought: { family_name: 'Z' },
      },
    });
    assert.equal(codeOf(bad), 'VALIDATION_FAILED');
    const list = await call(w.server, 'POST', '/api/exchange-lists', {
      token: officer,
      body: { name: 'HTTP list', kind: 'release' },
    });
    assert.equal(list.statusCode, 201);
    const listId = (list.json() as { id: string }).id;
    assert.equal(
      (
        await call(w.server, 'POST', `/api/exchange-lists/${listId}/entries`, {
          token: officer,
          body: { submitted: [{ full_name: 'Zinchenko Roman', date_of_birth: '1993-08-14' }] },
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (await call(w.server, 'POST', `/api/exchange-lists/${listId}/verify`, { token: officer })).statusCode,
      200,
    );
    const got = (await call(w.server, 'GET', `/api/exchange-lists/${listId}`, { token: officer })).json() as {
      entries: { personId: string | null }[];
    };
    assert.ok(got.entries[0]!.personId);
    assert.equal(
      codeOf(await call(w.server, 'GET', '/api/exchange-lists', { token: w.tokens.analyst })),
      'FORBIDDEN',
    );
  });
});
