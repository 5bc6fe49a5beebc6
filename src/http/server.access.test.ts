import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld, signIn, type HttpWorld } from './testing/http-fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Personal values registered below: none may reach an analyst or an auditor by any route. */
const PERSONAL = {
  family_name: 'Hrytsenko',
  given_name: 'Oleksandra',
  patronymic: 'Vasylivna',
  name_original: 'Гриценко Олександра',
  unit: 'Testunit-7731',
  service_number: 'SN-553311',
  address: '14 Quiet Lane, Testville',
  phone: '+380-55-0101',
  health: 'shrapnel wound left arm',
  person_to_inform: 'Petro Hrytsenko, brother',
  place_of_birth: 'Zhytomyr-Test',
};
const DOB = { year: 1987, month: 4, day: 12 };
const EVENT_TEXT = ['Basement of building 14', 'seen at checkpoint 12'];

function leaks(body: string, extra: string[]): string[] {
  const needles = [...Object.values(PERSONAL), ...EVENT_TEXT, '1987-04-12', '"year":1987', ...extra];
  return needles.filter((n) => body.toLowerCase().includes(n.toLowerCase()));
}

forEachDialect('http access by role', (fx) => {
  let w: HttpWorld;
  let ids: { person: string; source: string; place: string; merge: string; claim: string; event: string };

  test('set up a registry with one fully described person', async () => {
    w = await httpWorld(fx.database(), 'acc');
    const officer = { token: w.tokens.tracing_officer };
    const source = (
      (
        await call(w.server, 'POST', '/api/sources', {
          ...officer,
          body: { kind: 'capture_card', title: 'Card batch 3', reliability: 'B' },
        })
      ).json() as Json
    ).id;
    const place = (
      (
        await call(w.server, 'POST', '/api/places', {
          ...officer,
          body: { name: 'Olenivka colony', kind: 'detention_site' },
        })
      ).json() as Json
    ).id;
    const claims = [
      ...Object.entries(PERSONAL).map(([field, value]) => ({ field, value })),
      { field: 'date_of_birth', value: DOB },
    ];
    const reg = await call(w.server, 'POST', '/api/persons', {
      ...officer,
      body: {
        sourceId: source,
        claims,
        events: [
          { kind: 'captured', date: { year: 2022, month: 5, day: 17 }, placeText: EVENT_TEXT[0] },
          {
            kind: 'interned',
            date: { year: 2022, month: 5, day: 18 },
            placeId: place,
            details: EVENT_TEXT[1],
          },
        ],
      },
    });
    assert.equal(reg.statusCode, 201);
    const r = reg.json() as Json;
    const other = (
      (
        await call(w.server, 'POST', '/api/persons', {
          ...officer,
          body: { sourceId: source, claims: [{ field: 'family_name', value: PERSONAL.family_name }] },
        })
      ).json() as Json
    ).person.id;
    const merge = (
      (
        await call(w.server, 'POST', '/api/merges', {
          ...officer,
          body: { survivorId: r.person.id, mergedId: other, reason: 'same card' },
        })
      ).json() as Json
    ).mergeId;
    ids = { person: r.person.id, source, place, merge, claim: r.claimIds[0], event: r.eventIds[0] };
    const full = JSON.stringify((await call(w.server, 'GET', `/api/persons/${ids.person}`, officer)).json());
    const seen = leaks(full, []);
    for (const v of [...Object.values(PERSONAL), ...EVENT_TEXT, '"year":1987'])
      assert.ok(seen.includes(v), `an officer reads ${v}, so the checks below would see it`);
  });

  function fill(path: string): string {
    const byResource: [RegExp, string][] = [
      [/^\/api\/sources\//, ids.source],
      [/^\/api\/places\//, ids.place],
      [/^\/api\/merges\//, ids.merge],
      [/^\/api\/users\//, w.users.analyst.id],
      [/^\/api\/tokens\//, ids.person],
    ];
    const main = byResource.find(([re]) => re.test(path))?.[1] ?? ids.person;
    return path.replace('{id}', main).replace('{claimId}', ids.claim).replace('{eventId}', ids.event);
  }

  async function getRoutes(): Promise<string[]> {
    const doc = (await call(w.server, 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(doc.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p);
    return [...gets, '/api/openapi.json', '/api/docs', '/setup'];
  }

  test('an analyst cannot read a name or any personal value through any GET route', async () => {
    const routes = await getRoutes();
    assert.ok(routes.length >= 12, `walked ${routes.length} routes`);
    const { cookie } = await signIn(w.server, 'acc-analyst');
    for (const route of routes) {
      for (const auth of [{ token: w.tokens.analyst }, { cookie }]) {
        const url = fill(route);
        const queries =
          route === '/api/persons'
            ? ['', `?q=${PERSONAL.family_name}`]
            : route === '/api/places'
              ? ['', '?q=Olen']
              : [''];
        for (const q of queries) {
          const r = await call(w.server, 'GET', url + q, auth);
          assert.ok(r.statusCode < 500, `${url}${q}: ${r.statusCode}`);
          assert.deepEqual(leaks(r.body, [ids.person]), [], `${url}${q} leaks to an analyst`);
        }
      }
    }
  });

  test('analysts: 403 on every person route, 200 on stats with aggregate figures', async () => {
    const t = { token: w.tokens.analyst };
    const personRoutes: [string, string, unknown?][] = [
      ['GET', '/api/persons'],
      ['GET', `/api/persons/${ids.person}`],
      ['POST', '/api/persons', { sourceId: ids.source, claims: [{ field: 'rank', value: 'x' }] }],
      [
        'POST',
        `/api/persons/${ids.person}/claims`,
        { sourceId: ids.source, claim: { field: 'rank', value: 'x' } },
      ],
      ['POST', `/api/persons/${ids.person}/claims/${ids.claim}/retract`, { reason: 'x' }],
      ['POST', `/api/persons/${ids.person}/events`, { sourceId: ids.source, event: { kind: 'sighted' } }],
      ['POST', `/api/persons/${ids.person}/events/${ids.event}/retract`, { reason: 'x' }],
      ['POST', '/api/merges', { survivorId: ids.person, mergedId: ids.person, reason: 'x' }],
      ['POST', `/api/merges/${ids.merge}/undo`, { reason: 'x' }],
    ];
    for (const [method, url, body] of personRoutes) {
      const r = await call(w.server, method as 'GET', url, { ...t, ...(body !== undefined && { body }) });
      assert.deepEqual([r.statusCode, codeOf(r)], [403, 'FORBIDDEN'], `${method} ${url}`);
      assert.deepEqual(leaks(r.body, [ids.person]), []);
    }
    const stats = await call(w.server, 'GET', '/api/stats', t);
    assert.equal(stats.statusCode, 200);
    const s = stats.json() as Json;
    assert.equal(s.persons, 1, 'the merged record is not counted twice');
    assert.equal(s.byState.in_custody, 1);
  });

  test('an auditor reads the trail, which holds ids and counts but no personal value', async () => {
    for (const route of await getRoutes()) {
      const r = await call(w.server, 'GET', `${fill(route)}${route === '/api/audit' ? '?limit=1000' : ''}`, {
        token: w.tokens.auditor,
      });
      assert.ok(r.statusCode < 500, route);
      assert.deepEqual(leaks(r.body, []), [], `${route} leaks to an auditor`);
    }
    const audit = (
      await call(w.server, 'GET', '/api/audit?limit=1000', { token: w.tokens.auditor })
    ).json() as Json;
    assert.ok(
      audit.items.some((e: Json) => e.action === 'person.read' && e.subjectId === ids.person),
      'reads of the person were audited',
    );
  });

  test('every response carries the security headers; API answers are not cached', async () => {
    for (const url of [
      '/api/health',
      '/api/stats',
      `/api/persons/${ids.person}`,
      '/api/nowhere',
      '/api/openapi.json',
      '/api/docs',
    ]) {
      const r = await call(w.server, 'GET', url, { token: w.tokens.tracing_officer });
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/, url);
      assert.equal(r.headers['cache-control'], 'no-store', url);
    }
  });

  test('tear down', async () => {
    await w.server.close();
  });
});
