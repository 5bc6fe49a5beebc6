import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { bareServer, call, codeOf, manualClock, signIn } from './testing/http-fixture.js';

forEachDialect('http health and first-run setup', (fx) => {
  test('health answers without credentials, naming the dialect and whether setup is pending', async () => {
    const { server } = await bareServer(fx.database());
    const r = await call(server, 'GET', '/api/health');
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { status: 'ok', database: fx.dialect, setupRequired: true });
    await server.close();
  });

  test('the setup page is self-contained and locked down', async () => {
    const { server } = await bareServer(fx.database());
    const r = await call(server, 'GET', '/setup?token=abcdefghijkl');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.doesNotMatch(r.body, /(src|href)=["']?(https?:)?\/\//, 'no external assets');
    assert.doesNotMatch(r.body, /abcdefghijkl/, 'the token is not written into the page');
    for (const field of ['username', 'displayName', 'password', 'password2'])
      assert.match(r.body, new RegExp(`name="${field}"`));
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-/);
    assert.equal(r.headers['cache-control'], 'no-store');
    await server.close();
  });

  test('setup: an expired or unknown token is refused, a valid one works once, then SETUP_DONE', async () => {
    const clock = manualClock();
    const { app, server } = await bareServer(fx.database(), { clock });
    assert.deepEqual((await call(server, 'GET', '/api/setup')).json(), { required: true });
    const form = { username: 'first-admin', displayName: 'First Admin', password: 'a long enough password' };

    const stale = await app.auth.issueSetupToken();
    clock.advance(25 * 3600_000);
    const expired = await call(server, 'POST', '/api/setup', { body: { token: stale, ...form } });
    assert.equal(expired.statusCode, 401);
    assert.equal(codeOf(expired), 'UNAUTHENTICATED');
    const unknown = await call(server, 'POST', '/api/setup', {
      body: { token: 'not-a-real-token-at-all', ...form },
    });
    assert.equal(unknown.statusCode, 401);

    const token = await app.auth.issueSetupToken();
    const done = await call(server, 'POST', '/api/setup', { body: { token, ...form } });
    assert.equal(done.statusCode, 201);
    assert.equal((done.json() as { user: { role: string } }).user.role, 'admin');
    assert.equal((done.json() as { user: Record<string, unknown> }).user['password'], undefined);

    const again = await call(server, 'POST', '/api/setup', { body: { token, ...form } });
    assert.equal(again.statusCode, 409);
    assert.equal(codeOf(again), 'SETUP_DONE');
    assert.deepEqual((await call(server, 'GET', '/api/setup')).json(), { required: false });
    assert.equal((await call(server, 'GET', '/api/health')).json().setupRequired, false);
    assert.equal(
      (await signIn(server, form.username, form.password)).response.statusCode,
      200,
      'the new administrator can sign in',
    );
    await server.close();
  });
});
