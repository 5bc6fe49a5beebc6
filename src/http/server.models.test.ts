import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld } from './testing/http-fixture.js';

forEachDialect('http models', (fx) => {
  test('train by EM, activate as administrator, list and show over HTTP; bad input refused with codes', async () => {
    const w = await httpWorld(fx.database(), 'models');
    const officer = w.tokens.tracing_officer;
    const adminToken = w.tokens.admin;
    const src = (
      await call(w.server, 'POST', '/api/sources', {
        token: officer,
        body: { kind: 'list', title: 'Models list' },
      })
    ).json() as { id: string };
    for (const [family, given] of [
      ['Invented', 'Olena'],
      ['Invented', 'Olena'],
      ['Madeup', 'Taras'],
    ])
      await call(w.server, 'POST', '/api/persons', {
        token: officer,
        body: {
          sourceId: src.id,
          claims: [
            { field: 'family_name', value: family },
            { field: 'given_name', value: given },
          ],
        },
      });
    assert.equal(
      codeOf(
        await call(w.server, 'POST', '/api/models/train', { token: officer, body: { from: 'decisions' } }),
      ),
      'STATE_INVALID',
    );
    assert.equal(
      codeOf(await call(w.server, 'POST', '/api/models/train', { token: officer, body: { from: 'guess' } })),
      'VALIDATION_FAILED',
    );
    const trained = await call(w.server, 'POST', '/api/models/train', {
      token: officer,
      body: { from: 'em' },
    });
    assert.equal(trained.statusCode, 201);
    const version = (trained.json() as { version: string }).version;
    const path = `/api/models/${encodeURIComponent(version)}/activate`;
    assert.equal(codeOf(await call(w.server, 'POST', path, { token: officer })), 'FORBIDDEN');
    const activated = await call(w.server, 'POST', path, { token: adminToken });
    assert.equal(activated.statusCode, 200);
    const listed = (await call(w.server, 'GET', '/api/models', { token: officer })).json() as {
      items: { version: string; active: boolean }[];
    };
    assert.deepEqual(
      listed.items.filter((i) => i.active).map((i) => i.version),
      [version],
    );
    const shown = await call(w.server, 'GET', `/api/models/${encodeURIComponent(version)}`, {
      token: officer,
    });
    assert.equal((shown.json() as { model: { version: string } }).model.version, version);
    assert.equal(
      codeOf(await call(w.server, 'POST', '/api/models/nope/activate', { token: adminToken })),
      'NOT_FOUND',
    );
    assert.equal(
      codeOf(await call(w.server, 'GET', '/api/models', { token: w.tokens.analyst })),
      'FORBIDDEN',
    );
  });
});
