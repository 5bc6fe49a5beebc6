import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { bareServer, call } from './testing/http-fixture.js';

type Op = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
};

/** The routes of the registry core (docs/api.md). */
const ROUTES = [
  'GET /api/health',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'POST /api/users/{id}/tokens',
  'DELETE /api/tokens/{id}',
  'GET /api/sources',
  'POST /api/sources',
  'GET /api/sources/{id}',
  'PATCH /api/sources/{id}',
  'DELETE /api/sources/{id}',
  'GET /api/places',
  'POST /api/places',
  'GET /api/places/{id}',
  'PUT /api/places/{id}/variants',
  'GET /api/persons',
  'POST /api/persons',
  'GET /api/persons/{id}',
  'POST /api/persons/{id}/claims',
  'POST /api/persons/{id}/claims/{claimId}/retract',
  'POST /api/persons/{id}/events',
  'POST /api/persons/{id}/events/{eventId}/retract',
  'POST /api/merges',
  'POST /api/merges/{id}/undo',
  'GET /api/audit',
  'POST /api/audit/verify',
  'GET /api/stats',
];

forEachDialect('http OpenAPI document', (fx) => {
  test('lists every promised route, each with request and response schemas', async () => {
    const { server } = await bareServer(fx.database());
    const r = await call(server, 'GET', '/api/openapi.json');
    assert.equal(r.statusCode, 200);
    const doc = r.json() as {
      openapi: string;
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, unknown> };
    };
    assert.match(doc.openapi, /^3\./);
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Other modules may add routes; these must be there, and every listed one is checked below.
    for (const route of ROUTES) assert.ok(listed.includes(route), `${route} is documented`);
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        const codes = Object.keys(op.responses ?? {});
        const ok = codes.find((c) => /^2\d\d$/.test(c));
        assert.ok(ok, `${where} has a success response`);
        if (ok !== '204')
          assert.ok(
            op.responses![ok]!.content?.['application/json']?.schema,
            `${where} has a response schema`,
          );
        assert.ok(
          op.responses!['4XX']?.content?.['application/json']?.schema,
          `${where} documents its errors`,
        );
        for (const name of path.match(/\{(\w+)\}/g) ?? [])
          assert.ok(
            op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name),
            `${where} declares ${name}`,
          );
        const takesBody =
          ROUTES.includes(`${method.toUpperCase()} ${path}`) &&
          ['post', 'put', 'patch'].includes(method) &&
          !path.endsWith('/logout');
        if (takesBody) assert.ok(op.requestBody, `${where} has a request body schema`);
        assert.ok(
          server.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }),
          `${where} is served`,
        );
      }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs))
      assert.ok(doc.components.schemas[ref.split('/').pop()!], `${ref} resolves`);
    await server.close();
  });

  test('the documentation page is served from the package, with nothing from elsewhere', async () => {
    const { server } = await bareServer(fx.database());
    const page = await call(server, 'GET', '/api/docs');
    const html = page.statusCode === 302 ? await call(server, 'GET', String(page.headers['location'])) : page;
    assert.equal(html.statusCode, 200);
    assert.doesNotMatch(html.body, /(src|href)=["']https?:/);
    assert.match(html.body, /\/api\/docs\/static\//);
    const csp = String(html.headers['content-security-policy']);
    assert.doesNotMatch(csp, /https:|upgrade-insecure-requests|validator\.swagger\.io/);
    const asset = await call(server, 'GET', '/api/docs/static/swagger-ui-bundle.js');
    assert.equal(asset.statusCode, 200);
    await server.close();
  });
});
