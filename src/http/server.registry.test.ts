import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld, type HttpWorld } from './testing/http-fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

forEachDialect('http registry routes', (fx) => {
  let w: HttpWorld;
  const as = (role: keyof HttpWorld['tokens'], body?: unknown) => ({
    token: w.tokens[role],
    ...(body !== undefined && { body }),
  });

  test('set up', async () => {
    w = await httpWorld(fx.database(), 'reg');
  });

  test('sources: create, read, page, update at a version, delete only when unused', async () => {
    const ids: string[] = [];
    for (const title of ['Source one', 'Source two', 'Source three']) {
      const r = await call(
        w.server,
        'POST',
        '/api/sources',
        as('registrar', { kind: 'report', title, reliability: 'B', published: '2022-05-18', language: 'en' }),
      );
      assert.equal(r.statusCode, 201);
      ids.push((r.json() as Json).id);
    }
    const first = (await call(w.server, 'GET', '/api/sources?limit=2', as('registrar'))).json() as Json;
    assert.equal(first.items.length, 2);
    const rest = (
      await call(w.server, 'GET', `/api/sources?limit=2&cursor=${first.nextCursor}`, as('registrar'))
    ).json() as Json;
    assert.deepEqual(
      [...first.items, ...rest.items].map((s: Json) => s.id),
      ids,
    );
    assert.equal(rest.nextCursor, null);
    const patched = await call(
      w.server,
      'PATCH',
      `/api/sources/${ids[0]}`,
      as('registrar', { expectedVersion: 1, patch: { reliability: 'A' } }),
    );
    assert.deepEqual(
      [patched.statusCode, (patched.json() as Json).reliability, (patched.json() as Json).version],
      [200, 'A', 2],
    );
    assert.equal(
      (await call(w.server, 'GET', `/api/sources/${ids[0]}`, as('analyst'))).json().reliability,
      'A',
    );
    assert.equal((await call(w.server, 'DELETE', `/api/sources/${ids[2]}`, as('registrar'))).statusCode, 204);
    assert.equal((await call(w.server, 'GET', `/api/sources/${ids[2]}`, as('registrar'))).statusCode, 404);
    await call(
      w.server,
      'POST',
      '/api/persons',
      as('registrar', { sourceId: ids[1], claims: [{ field: 'rank', value: 'Private' }] }),
    );
    const used = await call(w.server, 'DELETE', `/api/sources/${ids[1]}`, as('registrar'));
    assert.deepEqual([used.statusCode, codeOf(used)], [409, 'STATE_INVALID']);
    const forbidden = await call(
      w.server,
      'POST',
      '/api/sources',
      as('analyst', { kind: 'list', title: 'x' }),
    );
    assert.deepEqual([forbidden.statusCode, codeOf(forbidden)], [403, 'FORBIDDEN']);
  });

  test('places: create, find by a variant in another script, replace variants', async () => {
    const r = await call(
      w.server,
      'POST',
      '/api/places',
      as('registrar', { name: 'Olenivka', kind: 'detention_site', variants: ['Olenovka'] }),
    );
    assert.equal(r.statusCode, 201);
    const place = r.json() as Json;
    const put = await call(
      w.server,
      'PUT',
      `/api/places/${place.id}/variants`,
      as('registrar', { expectedVersion: 1, variants: ['Olenovka', 'Оленівка'] }),
    );
    assert.equal(put.statusCode, 200);
    const found = (
      await call(w.server, 'GET', `/api/places?q=${encodeURIComponent('оленів')}`, as('analyst'))
    ).json() as Json;
    assert.deepEqual(
      found.items.map((p: Json) => p.id),
      [place.id],
    );
    assert.deepEqual(
      (await call(w.server, 'GET', `/api/places/${place.id}`, as('analyst'))).json().variants,
      ['Olenovka', 'Оленівка'],
    );
  });

  test('persons: register → read → claim → events → merge → undo', async () => {
    const src = (
      await call(
        w.server,
        'POST',
        '/api/sources',
        as('registrar', { kind: 'list', title: 'Flow list', reliability: 'C' }),
      )
    ).json() as Json;
    const card = (
      await call(
        w.server,
        'POST',
        '/api/sources',
        as('registrar', { kind: 'capture_card', title: 'Flow card', reliability: 'A' }),
      )
    ).json() as Json;
    const place = (
      await call(
        w.server,
        'POST',
        '/api/places',
        as('registrar', { name: 'Novoazovsk hospital', kind: 'hospital' }),
      )
    ).json() as Json;
    const reg = await call(
      w.server,
      'POST',
      '/api/persons',
      as('registrar', {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Tkachenko', confidence: 'probable' },
          { field: 'given_name', value: 'Mykola' },
          { field: 'date_of_birth', value: { year: 1991, month: 7 } },
          { field: 'health', value: 'leg wound' },
        ],
        events: [{ kind: 'captured', date: { year: 2022, month: 5, day: 17 } }],
      }),
    );
    assert.equal(reg.statusCode, 201);
    const a = (reg.json() as Json).person.id as string;
    const asRegistrar = (await call(w.server, 'GET', `/api/persons/${a}`, as('registrar'))).json() as Json;
    assert.equal(asRegistrar.view.fields.family_name.best.value, 'Tkachenko');
    assert.equal(asRegistrar.hiddenFields, 1, 'registrars do not see restricted claims');
    assert.ok(!JSON.stringify(asRegistrar).includes('leg wound'));

    const claim = await call(
      w.server,
      'POST',
      `/api/persons/${a}/claims`,
      as('tracing_officer', {
        sourceId: card.id,
        claim: { field: 'date_of_birth', value: { year: 1991, month: 7, day: 3 }, confidence: 'confirmed' },
        expectedVersion: 1,
      }),
    );
    assert.deepEqual([claim.statusCode, (claim.json() as Json).version], [201, 2]);
    const ev = await call(
      w.server,
      'POST',
      `/api/persons/${a}/events`,
      as('tracing_officer', {
        sourceId: card.id,
        event: {
          kind: 'hospitalised',
          placeId: place.id,
          date: { year: 2022, month: 5, day: 20 },
          severity: 'serious',
        },
      }),
    );
    assert.equal(ev.statusCode, 201);
    let detail = (await call(w.server, 'GET', `/api/persons/${a}`, as('tracing_officer'))).json() as Json;
    assert.deepEqual(detail.view.fields.date_of_birth.best.value, { year: 1991, month: 7, day: 3 });
    assert.equal(detail.status.state, 'hospitalised');
    assert.equal(detail.status.placeId, place.id);
    assert.equal(detail.view.fields.health.best.value, 'leg wound', 'officers read restricted claims');
    const retract = await call(
      w.server,
      'POST',
      `/api/persons/${a}/events/${(ev.json() as Json).eventId}/retract`,
      as('tracing_officer', { reason: 'wrong hospital' }),
    );
    assert.equal(retract.statusCode, 200);
    const retractClaim = await call(
      w.server,
      'POST',
      `/api/persons/${a}/claims/${(claim.json() as Json).claimId}/retract`,
      as('tracing_officer', { reason: 'misread card' }),
    );
    assert.equal(retractClaim.statusCode, 200);
    detail = (await call(w.server, 'GET', `/api/persons/${a}`, as('tracing_officer'))).json() as Json;
    assert.equal(detail.status.state, 'in_custody');
    assert.deepEqual(detail.view.fields.date_of_birth.best.value, { year: 1991, month: 7 });

    const b = (
      (
        await call(
          w.server,
          'POST',
          '/api/persons',
          as('registrar', {
            sourceId: card.id,
            claims: [
              { field: 'family_name', value: 'Ткаченко' },
              { field: 'rank', value: 'Corporal' },
            ],
          }),
        )
      ).json() as Json
    ).person.id;
    const found = (
      await call(w.server, 'GET', `/api/persons?q=tkachenko&sourceId=${src.id}`, as('registrar'))
    ).json() as Json;
    assert.deepEqual(
      found.items.map((i: Json) => i.id),
      [a],
    );
    assert.equal(found.items[0].fields.family_name, 'Tkachenko');
    const merged = await call(
      w.server,
      'POST',
      '/api/merges',
      as('tracing_officer', { survivorId: a, mergedId: b, reason: 'same card number' }),
    );
    assert.equal(merged.statusCode, 201);
    detail = (await call(w.server, 'GET', `/api/persons/${a}`, as('tracing_officer'))).json() as Json;
    assert.equal(detail.view.fields.rank.best.value, 'Corporal');
    assert.equal(detail.merges.length, 1);
    const undo = await call(
      w.server,
      'POST',
      `/api/merges/${(merged.json() as Json).mergeId}/undo`,
      as('tracing_officer', { reason: 'different fathers' }),
    );
    assert.equal(undo.statusCode, 200);
    const again = await call(
      w.server,
      'POST',
      `/api/merges/${(merged.json() as Json).mergeId}/undo`,
      as('tracing_officer', { reason: 'again' }),
    );
    assert.deepEqual([again.statusCode, codeOf(again)], [409, 'STATE_INVALID']);
    assert.equal(
      ((await call(w.server, 'GET', `/api/persons/${b}`, as('tracing_officer'))).json() as Json).person
        .mergedInto,
      null,
    );
    const registrarMerge = await call(
      w.server,
      'POST',
      '/api/merges',
      as('registrar', { survivorId: a, mergedId: b, reason: 'x' }),
    );
    assert.equal(registrarMerge.statusCode, 403, 'registrars may not merge');
  });

  test('persons list pages with limit and cursor', async () => {
    const src = (
      (
        await call(w.server, 'POST', '/api/sources', as('registrar', { kind: 'list', title: 'Paging list' }))
      ).json() as Json
    ).id;
    for (let i = 0; i < 3; i++)
      await call(
        w.server,
        'POST',
        '/api/persons',
        as('registrar', { sourceId: src, claims: [{ field: 'family_name', value: `Pagingname${i}` }] }),
      );
    const one = (
      await call(w.server, 'GET', `/api/persons?sourceId=${src}&limit=2`, as('registrar'))
    ).json() as Json;
    const two = (
      await call(
        w.server,
        'GET',
        `/api/persons?sourceId=${src}&limit=2&cursor=${one.nextCursor}`,
        as('registrar'),
      )
    ).json() as Json;
    assert.deepEqual([one.items.length, two.items.length, two.nextCursor], [2, 1, null]);
  });

  test('users and tokens: administrators manage, others are refused, disabling cuts access', async () => {
    const add = await call(
      w.server,
      'POST',
      '/api/users',
      as('admin', {
        username: 'reg-new',
        displayName: 'New Officer',
        role: 'tracing_officer',
        password: 'another long password',
      }),
    );
    assert.equal(add.statusCode, 201);
    const user = add.json() as Json;
    assert.equal(user.password, undefined);
    const dup = await call(
      w.server,
      'POST',
      '/api/users',
      as('admin', {
        username: 'reg-new',
        displayName: 'x',
        role: 'analyst',
        password: 'another long password',
      }),
    );
    assert.deepEqual([dup.statusCode, codeOf(dup)], [409, 'ALREADY_EXISTS']);
    assert.equal((await call(w.server, 'GET', '/api/users', as('registrar'))).statusCode, 403);
    const page = (await call(w.server, 'GET', '/api/users?limit=2', as('admin'))).json() as Json;
    assert.equal(page.items.length, 2);
    assert.ok(page.nextCursor);
    const token = (
      (
        await call(
          w.server,
          'POST',
          `/api/users/${user.id}/tokens`,
          as('admin', { name: 'sync', expiresInDays: 30 }),
        )
      ).json() as Json
    ).token;
    assert.equal((await call(w.server, 'GET', '/api/sources', { token })).statusCode, 200);
    const off = await call(w.server, 'PATCH', `/api/users/${user.id}`, as('admin', { disabled: true }));
    assert.deepEqual([off.statusCode, (off.json() as Json).disabled], [200, true]);
    assert.equal((await call(w.server, 'GET', '/api/sources', { token })).statusCode, 401);
  });

  test('audit: auditors read the trail and verify the chain; others are refused', async () => {
    const list = await call(w.server, 'GET', '/api/audit?limit=5&action=person.read', as('auditor'));
    assert.equal(list.statusCode, 200);
    const body = list.json() as Json;
    assert.ok(body.items.length > 0 && body.items.every((e: Json) => e.action === 'person.read'));
    const all = (await call(w.server, 'GET', '/api/audit?limit=3', as('auditor'))).json() as Json;
    const next = (
      await call(w.server, 'GET', `/api/audit?limit=3&cursor=${all.nextCursor}`, as('auditor'))
    ).json() as Json;
    assert.ok(next.items[0].seq > all.items[2].seq);
    const verify = await call(w.server, 'POST', '/api/audit/verify', as('auditor'));
    assert.deepEqual(
      [verify.statusCode, (verify.json() as Json).ok, (verify.json() as Json).break],
      [200, true, null],
    );
    const anchored = await call(
      w.server,
      'POST',
      '/api/audit/verify',
      as('auditor', { anchor: { seq: 1, hash: '0'.repeat(64) } }),
    );
    assert.equal((anchored.json() as Json).anchorMismatch, true);
    assert.equal((await call(w.server, 'GET', '/api/audit', as('registrar'))).statusCode, 403);
  });

  test('tear down', async () => {
    await w.server.close();
  });
});
