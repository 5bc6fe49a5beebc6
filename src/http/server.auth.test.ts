import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capabilities } from '../app/index.js';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld, signIn, TEST_PASSWORD } from './testing/http-fixture.js';

const aSource = { kind: 'list', title: 'Auth test list', reliability: 'C' };

function cookieAttributes(setCookie: string): Set<string> {
  return new Set(
    setCookie
      .split(';')
      .slice(1)
      .map((p) => p.trim().split('=')[0]!.toLowerCase()),
  );
}

forEachDialect('http authentication', (fx) => {
  test('sign-in sets a strict, httpOnly session cookie that expires; /me tells who and what', async () => {
    const w = await httpWorld(fx.database(), 'cookie');
    const { response, setCookie, cookie, csrfToken } = await signIn(w.server, 'cookie-registrar');
    assert.equal(response.statusCode, 200);
    assert.match(setCookie, /^wa_session=[^;]+/);
    const attrs = cookieAttributes(setCookie);
    for (const a of ['httponly', 'path', 'expires']) assert.ok(attrs.has(a), `cookie has ${a}: ${setCookie}`);
    assert.match(setCookie, /SameSite=Strict/i);
    assert.match(setCookie, /Path=\/(;|$)/);
    assert.ok(!attrs.has('secure'), 'not Secure over plain http in auto mode');
    const me = await call(w.server, 'GET', '/api/auth/me', { cookie });
    assert.equal(me.statusCode, 200);
    const body = me.json() as {
      user: { username: string };
      role: string;
      capabilities: string[];
      csrfToken: string;
    };
    assert.equal(body.user.username, 'cookie-registrar');
    assert.equal(body.role, 'registrar');
    assert.deepEqual(body.capabilities, capabilities('registrar'));
    assert.equal(body.csrfToken, csrfToken);
    await w.server.close();
  });

  test('Secure cookies: behind a trusted https proxy, when forced, never from an untrusted header', async () => {
    const cases = [
      { name: 'auto, trusted proxy, https', config: { trustProxy: true }, proto: 'https', secure: true },
      { name: 'auto, untrusted proxy header', config: { trustProxy: false }, proto: 'https', secure: false },
      { name: 'auto, trusted proxy, http', config: { trustProxy: true }, proto: 'http', secure: false },
      { name: 'forced on', config: { secureCookies: true as const }, proto: 'http', secure: true },
      {
        name: 'forced off',
        config: { secureCookies: false as const, trustProxy: true },
        proto: 'https',
        secure: false,
      },
    ];
    let n = 0;
    for (const c of cases) {
      const w = await httpWorld(fx.database(), `secure${n++}`, { config: c.config });
      const { setCookie } = await signIn(w.server, `secure${n - 1}-analyst`, TEST_PASSWORD, {
        'x-forwarded-proto': c.proto,
      });
      assert.equal(cookieAttributes(setCookie).has('secure'), c.secure, c.name);
      await w.server.close();
    }
  });

  test('CSRF: cookie writes need the session token in x-csrf-token; reads do not', async () => {
    const w = await httpWorld(fx.database(), 'csrf');
    const { cookie, csrfToken } = await signIn(w.server, 'csrf-registrar');
    const none = await call(w.server, 'POST', '/api/sources', { cookie, body: aSource });
    assert.equal(none.statusCode, 403);
    assert.equal(codeOf(none), 'CSRF_FAILED');
    const wrong = await call(w.server, 'POST', '/api/sources', {
      cookie,
      // Another last character (a token that ends in "x" would otherwise be sent unchanged).
      csrf: `${csrfToken.slice(0, -1)}${csrfToken.endsWith('x') ? 'y' : 'x'}`,
      body: aSource,
    });
    assert.equal(codeOf(wrong), 'CSRF_FAILED');
    const ok = await call(w.server, 'POST', '/api/sources', { cookie, csrf: csrfToken, body: aSource });
    assert.equal(ok.statusCode, 201);
    assert.equal((await call(w.server, 'GET', '/api/sources', { cookie })).statusCode, 200);
    await w.server.close();
  });

  test('bearer tokens need no CSRF header; a revoked token is refused', async () => {
    const w = await httpWorld(fx.database(), 'bearer');
    const created = await call(w.server, 'POST', '/api/sources', {
      token: w.tokens.registrar,
      body: aSource,
    });
    assert.equal(created.statusCode, 201);
    const issued = await call(w.server, 'POST', `/api/users/${w.users.registrar.id}/tokens`, {
      token: w.tokens.registrar,
      body: { name: 'script' },
    });
    assert.equal(issued.statusCode, 201);
    const { id, token } = issued.json() as { id: string; token: string };
    assert.match(token, /^wa_/);
    assert.equal((await call(w.server, 'GET', '/api/auth/me', { token })).json().csrfToken, null);
    assert.equal(
      (await call(w.server, 'DELETE', `/api/tokens/${id}`, { token: w.tokens.registrar })).statusCode,
      204,
    );
    const revoked = await call(w.server, 'GET', '/api/sources', { token });
    assert.equal(revoked.statusCode, 401);
    assert.equal(codeOf(revoked), 'UNAUTHENTICATED');
    assert.equal((await call(w.server, 'GET', '/api/sources', { token: 'wa_made-up' })).statusCode, 401);
    await w.server.close();
  });

  test('no credentials: 401 everywhere but health, setup, sign-in and documentation', async () => {
    const w = await httpWorld(fx.database(), 'anon');
    for (const [method, url] of [
      ['GET', '/api/persons'],
      ['GET', '/api/stats'],
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
      ['GET', '/api/users'],
      ['POST', '/api/audit/verify'],
    ] as const) {
      const r = await call(w.server, method, url);
      assert.equal(r.statusCode, 401, `${method} ${url}`);
      assert.equal(codeOf(r), 'UNAUTHENTICATED');
    }
    for (const url of ['/api/health', '/api/setup', '/api/openapi.json', '/api/docs'])
      assert.notEqual((await call(w.server, 'GET', url)).statusCode, 401, url);
    await w.server.close();
  });

  test('wrong password 401; logout ends the session and clears the cookie', async () => {
    const w = await httpWorld(fx.database(), 'logout');
    const bad = await signIn(w.server, 'logout-admin', 'not the password');
    assert.equal(bad.response.statusCode, 401);
    assert.equal(codeOf(bad.response), 'UNAUTHENTICATED');
    const { cookie, csrfToken } = await signIn(w.server, 'logout-admin');
    const out = await call(w.server, 'POST', '/api/auth/logout', { cookie, csrf: csrfToken });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /wa_session=;.*Expires=Thu, 01 Jan 1970/);
    assert.equal((await call(w.server, 'GET', '/api/auth/me', { cookie })).statusCode, 401);
    await w.server.close();
  });

  test('sign-in is rate limited per address: 429 RATE_LIMITED past the limit', async () => {
    const w = await httpWorld(fx.database(), 'limit', { config: { loginRatePerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signIn(w.server, 'limit-admin', 'wrong password!')).response.statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const limited = await signIn(w.server, 'limit-admin');
    assert.equal(limited.response.statusCode, 429, 'even the right password waits');
    assert.equal(codeOf(limited.response), 'RATE_LIMITED');
    const elsewhere = await signIn(w.server, 'limit-admin', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.9',
    });
    assert.equal(
      elsewhere.response.statusCode,
      429,
      'without trustProxy a forwarded address does not escape the limit',
    );
    await w.server.close();
  });
});
