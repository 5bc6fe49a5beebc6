import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { forEachDialect } from '../db/testing/dialects.js';
import { DomainError, ERROR_CODES, type ErrorCode } from '../domain/index.js';
import { buildServer } from './build-server.js';
import { STATUS_BY_CODE, toErrorResponse } from './error-mapping.js';
import { call, codeOf, httpWorld, pathsOf, signIn, type HttpWorld } from './testing/http-fixture.js';
import { testConfig } from '../config/config.js';

describe('error mapping', () => {
  const expected: [ErrorCode, number][] = [
    ['VALIDATION_FAILED', 422],
    ['INVALID_DATE', 422],
    ['INPUT_INVALID', 400],
    ['NOT_FOUND', 404],
    ['VERSION_CONFLICT', 409],
    ['ALREADY_EXISTS', 409],
    ['MERGE_INVALID', 409],
    ['STATE_INVALID', 409],
    ['SETUP_DONE', 409],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CSRF_FAILED', 403],
    ['RATE_LIMITED', 429],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_FORMAT', 415],
    ['INTERNAL', 500],
  ];
  for (const [code, status] of expected)
    test(`${code} → ${status}`, () => {
      const r = toErrorResponse(new DomainError(code, 'x'));
      assert.equal(r.status, status);
      assert.equal(r.body.error.code, code);
    });

  test('every domain code has an error status', () => {
    for (const code of ERROR_CODES)
      assert.ok(STATUS_BY_CODE[code] >= 400 && STATUS_BY_CODE[code] < 600, code);
  });

  const fastify: [string, ErrorCode, number][] = [
    ['FST_ERR_CTP_INVALID_JSON_BODY', 'INPUT_INVALID', 400],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 'INPUT_INVALID', 400],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'UNSUPPORTED_FORMAT', 415],
    ['FST_ERR_BAD_URL', 'INPUT_INVALID', 400],
    ['FST_ERR_NOT_FOUND', 'NOT_FOUND', 404],
  ];
  for (const [fst, code, status] of fastify)
    test(`${fst} → ${code}`, () => {
      const r = toErrorResponse(Object.assign(new Error('x'), { code: fst }));
      assert.deepEqual([r.body.error.code, r.status], [code, status]);
    });

  test('other client errors keep their status with one of our codes', () => {
    const cases: [number, ErrorCode][] = [
      [400, 'INPUT_INVALID'],
      [404, 'NOT_FOUND'],
      [413, 'PAYLOAD_TOO_LARGE'],
      [415, 'UNSUPPORTED_FORMAT'],
      [429, 'RATE_LIMITED'],
    ];
    for (const [statusCode, code] of cases) {
      const r = toErrorResponse(
        Object.assign(new Error('plugin text'), { code: 'FST_SOMETHING_NEW', statusCode }),
      );
      assert.deepEqual([r.status, r.body.error.code, r.internal], [statusCode, code, false]);
    }
  });

  test('an unexpected error is INTERNAL and says nothing of itself', () => {
    const r = toErrorResponse(new TypeError('secret detail at row 7'));
    assert.equal(r.status, 500);
    assert.equal(r.internal, true);
    assert.doesNotMatch(JSON.stringify(r.body), /secret/);
  });
});

forEachDialect('http bad input', (fx) => {
  let w: HttpWorld;
  let sourceId: string;
  const registrar = () => ({ token: w.tokens.registrar });

  test('set up', async () => {
    w = await httpWorld(fx.database(), 'bad', { config: { bodyLimitBytes: 4096 } });
    const r = await call(w.server, 'POST', '/api/sources', {
      ...registrar(),
      body: { kind: 'list', title: 'Bad input list', reliability: 'B' },
    });
    assert.equal(r.statusCode, 201);
    sourceId = (r.json() as { id: string }).id;
  });

  test('invalid JSON → 400 INPUT_INVALID; empty JSON body too', async () => {
    for (const payload of ['{"kind": "list",', '']) {
      const r = await w.server.inject({
        method: 'POST',
        url: '/api/sources',
        payload,
        headers: { authorization: `Bearer ${w.tokens.registrar}`, 'content-type': 'application/json' },
      });
      assert.equal(r.statusCode, 400);
      assert.equal(codeOf(r), 'INPUT_INVALID');
      assert.match((r.json() as { error: { message: string } }).error.message, /JSON/);
    }
  });

  test('oversized body → 413 PAYLOAD_TOO_LARGE; unsupported media type → 415', async () => {
    const big = await call(w.server, 'POST', '/api/sources', {
      ...registrar(),
      body: { kind: 'list', title: 'x', notes: 'n'.repeat(5000) },
    });
    assert.equal(big.statusCode, 413);
    assert.equal(codeOf(big), 'PAYLOAD_TOO_LARGE');
    const text = await w.server.inject({
      method: 'POST',
      url: '/api/sources',
      payload: 'kind=list',
      headers: { authorization: `Bearer ${w.tokens.registrar}`, 'content-type': 'text/csv' },
    });
    assert.equal(text.statusCode, 415);
    assert.equal(codeOf(text), 'UNSUPPORTED_FORMAT');
  });

  test('unknown fields → 422 naming the field, at any depth, before anything is written', async () => {
    const top = await call(w.server, 'POST', '/api/persons', {
      ...registrar(),
      body: { sourceId, claims: [{ field: 'rank', value: 'Major' }], nickname: 'x' },
    });
    assert.equal(top.statusCode, 422);
    assert.equal(codeOf(top), 'VALIDATION_FAILED');
    assert.deepEqual(pathsOf(top), ['nickname']);
    const nested = await call(w.server, 'POST', '/api/persons', {
      ...registrar(),
      body: { sourceId, claims: [{ field: 'rank', value: 'Major', colour: 'red' }] },
    });
    assert.deepEqual(pathsOf(nested), ['claims.0.colour']);
    const query = await call(w.server, 'GET', '/api/persons?shoeSize=43', registrar());
    assert.equal(query.statusCode, 422);
    assert.deepEqual(pathsOf(query), ['shoeSize']);
    const stats = await call(w.server, 'GET', '/api/stats', registrar());
    assert.equal(stats.json().persons, 0, 'nothing was registered');
  });

  test('impossible date 2022-02-30 → 422 naming the path', async () => {
    const r = await call(w.server, 'POST', '/api/persons', {
      ...registrar(),
      body: {
        sourceId,
        claims: [
          { field: 'family_name', value: 'Datetest' },
          { field: 'date_of_birth', value: { year: 2022, month: 2, day: 30 } },
        ],
      },
    });
    assert.equal(r.statusCode, 422);
    assert.deepEqual(pathsOf(r), ['claims.1.value']);
    const ev = await call(w.server, 'POST', '/api/persons', {
      ...registrar(),
      body: {
        sourceId,
        claims: [{ field: 'rank', value: 'x' }],
        events: [{ kind: 'captured', date: { year: 2022, month: 2, day: 30 } }],
      },
    });
    assert.deepEqual(pathsOf(ev), ['events.0.date']);
    const src = await call(w.server, 'POST', '/api/sources', {
      ...registrar(),
      body: { kind: 'list', title: 't', published: '2022-02-30' },
    });
    assert.deepEqual(pathsOf(src), ['published']);
  });

  test('ids: malformed → 404, unknown → 404, both NOT_FOUND', async () => {
    for (const url of [
      '/api/persons/not-an-id',
      '/api/persons/01890000-0000-7000-8000-000000000000',
      '/api/sources/123',
      '/api/places/01890000-0000-7000-8000-000000000000',
    ])
      assert.deepEqual(
        [
          (await call(w.server, 'GET', url, registrar())).statusCode,
          codeOf(await call(w.server, 'GET', url, registrar())),
        ],
        [404, 'NOT_FOUND'],
        url,
      );
    const badUrl = await call(w.server, 'GET', '/api/persons/%E0%A4%A', registrar());
    assert.deepEqual([badUrl.statusCode, codeOf(badUrl)], [400, 'INPUT_INVALID']);
    assert.equal(
      badUrl.headers['x-content-type-options'],
      'nosniff',
      'errors before routing carry the headers too',
    );
    const route = await call(w.server, 'GET', '/api/nowhere', registrar());
    assert.deepEqual([route.statusCode, codeOf(route)], [404, 'NOT_FOUND']);
  });

  test('stale version → 409 VERSION_CONFLICT; merge into itself → 409 MERGE_INVALID', async () => {
    const reg = await call(w.server, 'POST', '/api/persons', {
      ...registrar(),
      body: { sourceId, claims: [{ field: 'rank', value: 'Sergeant' }] },
    });
    const id = (reg.json() as { person: { id: string } }).person.id;
    const claim = (v: string) => ({ sourceId, claim: { field: 'unit', value: v }, expectedVersion: 1 });
    assert.equal(
      (await call(w.server, 'POST', `/api/persons/${id}/claims`, { ...registrar(), body: claim('A') }))
        .statusCode,
      201,
    );
    const stale = await call(w.server, 'POST', `/api/persons/${id}/claims`, {
      ...registrar(),
      body: claim('B'),
    });
    assert.deepEqual([stale.statusCode, codeOf(stale)], [409, 'VERSION_CONFLICT']);
    const src = await call(w.server, 'PATCH', `/api/sources/${sourceId}`, {
      ...registrar(),
      body: { expectedVersion: 9, patch: { title: 'x' } },
    });
    assert.deepEqual([src.statusCode, codeOf(src)], [409, 'VERSION_CONFLICT']);
    const self = await call(w.server, 'POST', '/api/merges', {
      token: w.tokens.tracing_officer,
      body: { survivorId: id, mergedId: id, reason: 'test' },
    });
    assert.deepEqual([self.statusCode, codeOf(self)], [409, 'MERGE_INVALID']);
  });

  test('an unexpected failure is 500 INTERNAL with no internals', async () => {
    const failing = {
      ...w.app,
      stats: { get: async () => Promise.reject(new Error('database exploded at /secret/path')) },
    } as unknown as HttpWorld['app'];
    const server = await buildServer({ app: failing, config: testConfig() });
    const r = await call(server, 'GET', '/api/stats', registrar());
    assert.equal(r.statusCode, 500);
    assert.deepEqual(r.json(), { error: { code: 'INTERNAL', message: 'internal error', details: {} } });
    await server.close();
  });

  test('tear down', async () => {
    await w.server.close();
  });
});

forEachDialect('http logs', (fx) => {
  test('logs carry method, route, status and duration, never names, queries, bodies, cookies or tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
    });
    const logger = pino({ level: 'info' }, sink);
    const w = await httpWorld(fx.database(), 'logs', { logger });
    const src = await call(w.server, 'POST', '/api/sources', {
      token: w.tokens.registrar,
      body: { kind: 'list', title: 'Log list' },
    });
    const sourceId = (src.json() as { id: string }).id;
    const name = 'Zhuravskyi';
    await call(w.server, 'POST', '/api/persons', {
      token: w.tokens.registrar,
      body: { sourceId, claims: [{ field: 'family_name', value: name }] },
    });
    await call(w.server, 'GET', `/api/persons?q=${name}`, { token: w.tokens.registrar });
    const { cookie } = await signIn(w.server, 'logs-admin');
    await call(w.server, 'GET', '/api/auth/me', { cookie });
    const text = lines.join('');
    for (const secret of [name, 'q=', w.tokens.registrar, cookie.split('=')[1]!, 'correct horse'])
      assert.ok(!text.includes(secret), `log holds ${secret}`);
    const entries = lines.map(
      (l) => JSON.parse(l) as { route?: string; status?: number; method?: string; ms?: number },
    );
    const search = entries.find((e) => e.route === '/api/persons' && e.method === 'GET');
    assert.ok(
      search && search.status === 200 && typeof search.ms === 'number',
      'the search is logged by its route pattern',
    );
    await w.server.close();
  });
});
