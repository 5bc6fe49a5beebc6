import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld } from './testing/http-fixture.js';

forEachDialect('http search and review', (fx) => {
  test('search across scripts over HTTP, then review and accept the duplicate the registry queued', async () => {
    const w = await httpWorld(fx.database(), 'search');
    const officer = w.tokens.tracing_officer;
    const src = (
      await call(w.server, 'POST', '/api/sources', {
        token: officer,
        body: { kind: 'list', title: 'Search HTTP list' },
      })
    ).json() as { id: string };
    const reg = async (claims: unknown[]) =>
      (
        await call(w.server, 'POST', '/api/persons', { token: officer, body: { sourceId: src.id, claims } })
      ).json() as { person: { id: string } };
    const a = await reg([
      { field: 'family_name', value: 'Бондаренко' },
      { field: 'given_name', value: 'Олег' },
      { field: 'date_of_birth', value: { year: 1990, month: 1, day: 2 } },
    ]);
    const b = await reg([
      { field: 'family_name', value: 'Bondarenko' },
      { field: 'given_name', value: 'Oleg' },
      { field: 'date_of_birth', value: { year: 1990, month: 1, day: 2 } },
    ]);
    const found = await call(w.server, 'GET', `/api/search?q=${encodeURIComponent('Bondarenko Oleh 1990')}`, {
      token: officer,
    });
    assert.equal(found.statusCode, 200);
    const hits = (found.json() as { items: { id: string; probability: number }[] }).items;
    assert.deepEqual(new Set(hits.slice(0, 2).map((h) => h.id)), new Set([a.person.id, b.person.id]));
    const structured = await call(w.server, 'POST', '/api/search', {
      token: officer,
      body: { fields: { family_name: 'Бондаренко', date_of_birth: '02.01.1990' } },
    });
    assert.equal(structured.statusCode, 200);
    assert.equal(
      codeOf(await call(w.server, 'GET', '/api/search?q=x', { token: w.tokens.analyst })),
      'FORBIDDEN',
    );
    assert.equal(codeOf(await call(w.server, 'GET', '/api/search', { token: officer })), 'VALIDATION_FAILED');

    const queue = (await call(w.server, 'GET', '/api/review', { token: officer })).json() as {
      items: { id: string; leftId: string; rightId: string }[];
    };
    const item = queue.items.find((i) => new Set([i.leftId, i.rightId]).has(b.person.id));
    assert.ok(item, 'the pair was queued on registration');
    const detail = await call(w.server, 'GET', `/api/review/${item.id}`, { token: officer });
    assert.equal(detail.statusCode, 200);
    const decided = await call(w.server, 'POST', `/api/review/${item.id}/decision`, {
      token: officer,
      body: { decision: 'accepted', reason: 'same person' },
    });
    assert.equal(decided.statusCode, 200);
    assert.ok((decided.json() as { mergeId: string }).mergeId);
    const again = await call(w.server, 'POST', `/api/review/${item.id}/decision`, {
      token: officer,
      body: { decision: 'rejected' },
    });
    assert.equal(again.statusCode, 409);
  });
});
