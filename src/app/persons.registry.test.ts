import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError, type ErrorCode } from '../domain/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';

async function rejects(p: Promise<unknown>, code: ErrorCode, path?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isDomainError(e, code), `expected ${code}, got ${String((e as { code?: string }).code ?? e)}`);
    if (path)
      assert.ok(
        e.issues.some((i) => i.path === path),
        `expected an issue at ${path}: ${JSON.stringify(e.issues)}`,
      );
    return true;
  });
}

forEachDialect('person use cases', (fx) => {
  test('register, read the view with provenance, conflicts and status', async () => {
    const app = testApp(fx.database());
    const ua = await aSource(app, 'Party list', 'B');
    const card = await aSource(app, 'Capture card', 'A');
    const { person } = await app.persons.register(officer, {
      sourceId: ua.id,
      claims: [
        { field: 'family_name', value: 'Kovalchuk', confidence: 'probable' },
        { field: 'given_name', value: 'Andrii', confidence: 'probable' },
        { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 }, confidence: 'probable' },
      ],
      events: [{ kind: 'captured', date: { year: 2022, month: 5, day: 17 }, placeText: 'Mariupol' }],
    });
    await app.persons.addClaim(officer, person.id, {
      sourceId: card.id,
      claim: { field: 'date_of_birth', value: { year: 1994, month: 5, day: 3 }, confidence: 'probable' },
    });
    const detail = await app.persons.get(officer, person.id);
    assert.equal(detail.person.version, 2);
    const dob = detail.view.fields.date_of_birth!;
    assert.deepEqual(
      dob.best.value,
      { year: 1994, month: 5, day: 3 },
      'the more reliable source wins at equal confidence',
    );
    assert.equal(dob.conflicts.length, 1);
    assert.deepEqual(dob.conflicts[0]!.value, { year: 1994, month: 3, day: 5 });
    assert.equal(detail.status.state, 'in_custody');
    assert.equal(detail.claims.find((c) => c.field === 'family_name')!.sourceId, ua.id);
    assert.equal(detail.sources.length, 2);
  });

  test('supersede and retract keep history but change the view', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const { person, claimIds } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'rank', value: 'Sergeant' }],
    });
    const { claimId, version } = await app.persons.addClaim(officer, person.id, {
      sourceId: src.id,
      claim: { field: 'rank', value: 'Senior sergeant' },
      supersedes: claimIds[0],
      reason: 'corrected list',
      expectedVersion: 1,
    });
    assert.equal(version, 2);
    let detail = await app.persons.get(officer, person.id);
    assert.equal(detail.view.fields.rank!.best.value, 'Senior sergeant');
    assert.equal(detail.view.fields.rank!.conflicts.length, 0);
    assert.equal(detail.claims.length, 2, 'the superseded claim stays in history');
    await rejects(
      app.persons.addClaim(officer, person.id, {
        sourceId: src.id,
        claim: { field: 'rank', value: 'Major' },
        supersedes: claimIds[0],
      }),
      'VERSION_CONFLICT',
    );
    await app.persons.retractClaim(officer, person.id, claimId, { reason: 'wrong person' });
    detail = await app.persons.get(officer, person.id);
    assert.equal(
      detail.view.fields.rank?.best.value,
      'Sergeant',
      'retracting the newer claim brings the older one back',
    );
    await rejects(
      app.persons.retractClaim(officer, person.id, claimId, { reason: 'again' }),
      'STATE_INVALID',
    );
  });

  test('status follows the timeline; retracted events drop out', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const colony = await app.places.create(officer, {
      name: 'Olenivka',
      kind: 'detention_site',
      variants: ['Olenovka', 'Оленівка'],
    });
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Samoilenko' }],
      events: [
        { kind: 'surrendered', date: { year: 2022, month: 5, day: 17 } },
        { kind: 'interned', date: { year: 2022, month: 5, day: 18 }, placeId: colony.id },
      ],
    });
    const { eventId } = await app.persons.addEvent(officer, person.id, {
      sourceId: src.id,
      event: { kind: 'exchanged', date: { year: 2022, month: 9 } },
    });
    assert.equal((await app.persons.get(officer, person.id)).status.state, 'released');
    await app.persons.retractEvent(officer, person.id, eventId, { reason: 'exchange did not take place' });
    const detail = await app.persons.get(officer, person.id);
    assert.equal(detail.status.state, 'in_custody');
    assert.equal(detail.status.placeId, colony.id);
    assert.equal(detail.timeline.length, 3);
    assert.ok(detail.timeline.find((e) => e.id === eventId)!.retraction);
    const found = await app.places.list(officer, { q: 'оленів' });
    assert.deepEqual(
      found.map((p) => p.id),
      [colony.id],
    );
  });

  test('bad input: impossible dates, unknown fields, missing references, stale versions', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    await rejects(
      app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'date_of_birth', value: { year: 2022, month: 2, day: 30 } }],
      }),
      'VALIDATION_FAILED',
      'claims.0.value',
    );
    await rejects(
      app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'favourite_colour', value: 'red' }],
      }),
      'VALIDATION_FAILED',
      'claims.0.field',
    );
    await rejects(
      app.persons.register(officer, { sourceId: src.id, claims: [{ field: 'rank', value: 'x' }], extra: 1 }),
      'VALIDATION_FAILED',
      'extra',
    );
    await rejects(
      app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'rank', value: 'x', colour: 'red' }],
      }),
      'VALIDATION_FAILED',
      'claims.0.colour',
    );
    await rejects(
      app.persons.register(officer, {
        sourceId: '01890000-0000-7000-8000-000000000000',
        claims: [{ field: 'rank', value: 'x' }],
      }),
      'VALIDATION_FAILED',
      'sourceId',
    );
    await rejects(
      app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'rank', value: 'x' }],
        events: [{ kind: 'interned', placeId: '01890000-0000-7000-8000-000000000000' }],
      }),
      'VALIDATION_FAILED',
      'events.0.placeId',
    );
    await rejects(app.persons.get(officer, '01890000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'rank', value: 'x' }],
    });
    await app.persons.addClaim(officer, person.id, {
      sourceId: src.id,
      claim: { field: 'unit', value: 'A' },
      expectedVersion: 1,
    });
    await rejects(
      app.persons.addClaim(officer, person.id, {
        sourceId: src.id,
        claim: { field: 'unit', value: 'B' },
        expectedVersion: 1,
      }),
      'VERSION_CONFLICT',
    );
    const count = await fx
      .database()
      .db.selectFrom('claims')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2, 'the refused write left nothing behind');
  });

  test('merge and undo: reversible, recorded, no claim lost', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const a = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Ковальчук' }],
      events: [{ kind: 'captured', date: { year: 2022, month: 5 } }],
    });
    const b = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Kovalchuk' },
        { field: 'rank', value: 'Major' },
      ],
    });
    const c = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Other' }],
    });
    await rejects(
      app.persons.merge(officer, { survivorId: a.person.id, mergedId: a.person.id, reason: 'x' }),
      'MERGE_INVALID',
      'mergedId',
    );
    const m = await app.persons.merge(officer, {
      survivorId: a.person.id,
      mergedId: b.person.id,
      reason: 'same person',
      modelVersion: 'default-1',
    });
    const merged = await app.persons.get(officer, a.person.id);
    assert.equal(merged.claims.length, 3);
    assert.equal(merged.view.fields.rank!.best.value, 'Major');
    assert.equal(merged.merges.length, 1);
    assert.equal(merged.merges[0]!.modelVersion, 'default-1');
    await rejects(
      app.persons.merge(officer, { survivorId: c.person.id, mergedId: b.person.id, reason: 'x' }),
      'MERGE_INVALID',
      'mergedId',
    );
    await rejects(
      app.persons.merge(officer, { survivorId: b.person.id, mergedId: c.person.id, reason: 'x' }),
      'MERGE_INVALID',
      'survivorId',
    );
    await rejects(
      app.persons.addClaim(officer, b.person.id, { sourceId: src.id, claim: { field: 'unit', value: 'x' } }),
      'STATE_INVALID',
    );
    const listed = await app.persons.list(officer, { q: 'kovalchuk', sourceId: src.id });
    assert.deepEqual(
      listed.items.map((i) => i.id),
      [a.person.id],
      'the merged record is no longer listed on its own',
    );
    await app.persons.undoMerge(officer, m.mergeId, { reason: 'different fathers' });
    const [a2, b2] = [
      await app.persons.get(officer, a.person.id),
      await app.persons.get(officer, b.person.id),
    ];
    assert.equal(a2.claims.length, 1);
    assert.equal(b2.claims.length, 2);
    assert.equal(b2.person.mergedInto, null);
    assert.ok(a2.merges[0]!.undoneAt);
    await rejects(app.persons.undoMerge(officer, m.mergeId, { reason: 'again' }), 'STATE_INVALID');
  });

  test('list filters by name across listed tokens, status and source, with a cursor', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Listing source');
    for (let i = 0; i < 5; i++)
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: `Melnyk${i}` },
          { field: 'given_name', value: 'Ivan' },
        ],
        events: i % 2 ? [{ kind: 'died', date: { year: 2022 } }] : [],
      });
    const first = await app.persons.list(officer, { q: 'ivan melnyk', sourceId: src.id, limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const rest = await app.persons.list(officer, {
      q: 'ivan melnyk',
      sourceId: src.id,
      limit: 10,
      cursor: first.nextCursor,
    });
    assert.equal(rest.items.length, 3);
    const dead = await app.persons.list(officer, { state: 'dead', sourceId: src.id });
    assert.equal(dead.items.length, 2);
    assert.equal(first.items[0]!.fields.given_name, 'Ivan');
  });
});
