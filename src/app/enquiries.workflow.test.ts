import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError, type ErrorCode } from '../domain/index.js';
import { admin, analyst, anEnquiry, aSource, officer, registrar, testApp } from './testing/test-app.js';

const code = (e: unknown): ErrorCode | string => (isDomainError(e) ? e.code : String(e));

forEachDialect('enquiries', (fx) => {
  test('an enquiry finds its person, is confirmed, the family informed, and closed; each step recorded', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Enquiry registry list');
    const p = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Гончаренко' },
        { field: 'given_name', value: 'Віктор' },
        { field: 'date_of_birth', value: { year: 1991, month: 4, day: 9 } },
      ],
      events: [{ kind: 'interned', date: { year: 2022, month: 5 } }],
    });
    const created = await app.enquiries.create(
      officer,
      anEnquiry({
        family_name: 'Goncharenko',
        given_name: 'Viktor',
        date_of_birth: { year: 1991, month: 4, day: 9 },
      }),
    );
    assert.equal(created.candidates, 1);
    let e = await app.enquiries.get(officer, created.id);
    assert.equal(e.status, 'candidate_found');
    assert.equal(e.candidates[0]!.personId, p.person.id);
    assert.equal((e.enquirer as { phone: string }).phone, '+380000000000');
    const asRegistrar = await app.enquiries.get(admin, created.id);
    assert.ok(asRegistrar.enquirer, 'admins hold enquirer.read');
    await assert.rejects(app.enquiries.get(registrar, created.id), (x) => code(x) === 'FORBIDDEN');
    await assert.rejects(app.enquiries.get(analyst, created.id), (x) => code(x) === 'FORBIDDEN');
    await app.enquiries.decide(officer, created.id, e.candidates[0]!.id, {
      decision: 'accepted',
      reason: 'date of birth and name agree',
    });
    e = await app.enquiries.get(officer, created.id);
    assert.equal(e.status, 'confirmed');
    assert.equal(e.personId, p.person.id);
    await assert.rejects(
      app.enquiries.transition(officer, created.id, {
        to: 'closed',
        outcome: 'found',
        expectedVersion: e.version,
      }),
      (x) => code(x) === 'STATE_INVALID',
    );
    const informed = await app.enquiries.transition(officer, created.id, {
      to: 'family_informed',
      note: 'called the mother',
      expectedVersion: e.version,
    });
    await assert.rejects(
      app.enquiries.transition(officer, created.id, {
        to: 'closed',
        outcome: 'found',
        expectedVersion: e.version,
      }),
      (x) => code(x) === 'VERSION_CONFLICT',
    );
    await app.enquiries.transition(officer, created.id, {
      to: 'closed',
      outcome: 'found',
      expectedVersion: informed.version,
    });
    e = await app.enquiries.get(officer, created.id);
    assert.deepEqual(
      e.steps.map((s) => s.to),
      ['open', 'searching', 'candidate_found', 'confirmed', 'family_informed', 'closed'],
    );
    assert.equal(e.outcome, 'found');
  });

  test('new registry data re-runs matching for open enquiries and flags new candidates', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Later list');
    const created = await app.enquiries.create(
      officer,
      anEnquiry({
        family_name: 'Ostapchuk',
        given_name: 'Yaroslav',
        date_of_birth: { year: 1999, month: 12, day: 1 },
      }),
    );
    assert.equal(created.candidates, 0);
    assert.equal((await app.enquiries.get(officer, created.id)).status, 'searching');
    await app.persons.registerBatch(officer, src.id, [
      {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Остапчук' },
          { field: 'given_name', value: 'Ярослав' },
          { field: 'date_of_birth', value: { year: 1999, month: 12, day: 1 } },
        ],
      },
    ]);
    const list = await app.enquiries.list(officer, { status: 'candidate_found' });
    const item = list.items.find((i) => i.id === created.id);
    assert.ok(item, 'the enquiry moved to candidate_found');
    assert.equal(item.newCandidates, 1);
    const e = await app.enquiries.get(officer, created.id);
    await app.enquiries.decide(officer, created.id, e.candidates[0]!.id, {
      decision: 'rejected',
      reason: 'different unit',
    });
    assert.equal(
      (await app.enquiries.get(officer, created.id)).status,
      'searching',
      'rejecting the only candidate resumes the search',
    );
  });

  test('bad input: no consent, no name, unknown status moves', async () => {
    const app = testApp(fx.database());
    const noConsent = {
      ...anEnquiry({ family_name: 'X' }),
      consent: { tracing: false, givenOn: '2022-06-01' },
    };
    await assert.rejects(
      app.enquiries.create(officer, noConsent),
      (x) => isDomainError(x, 'VALIDATION_FAILED') && x.issues.some((i) => i.path === 'consent.tracing'),
    );
    await assert.rejects(
      app.enquiries.create(officer, anEnquiry({ rank: 'Major' })),
      (x) => isDomainError(x, 'VALIDATION_FAILED') && x.issues.some((i) => i.path === 'sought.family_name'),
    );
    const created = await app.enquiries.create(officer, anEnquiry({ family_name: 'Nobody' }));
    await assert.rejects(
      app.enquiries.transition(officer, created.id, { to: 'family_informed', expectedVersion: 1 }),
      (x) => code(x) === 'STATE_INVALID',
    );
    await app.enquiries.transition(officer, created.id, {
      to: 'closed',
      outcome: 'withdrawn',
      expectedVersion: 1,
    });
  });
});

forEachDialect('exchange lists', (fx) => {
  test('build, verify, agree and complete: completion records the exchange in the timeline', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Exchange registry list');
    const held = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Кравець' },
        { field: 'given_name', value: 'Максим' },
        { field: 'date_of_birth', value: { year: 1985, month: 2, day: 3 } },
      ],
      events: [{ kind: 'interned', date: { year: 2022, month: 6 } }],
    });
    const released = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Lytvyn' }],
      events: [{ kind: 'released', date: { year: 2022, month: 8 } }],
    });
    const list = await app.exchange.create(officer, {
      name: 'September exchange',
      kind: 'exchange',
      counterpart: 'Other party',
    });
    await app.exchange.addEntries(officer, list.id, {
      personIds: [released.person.id],
      submitted: [
        { full_name: 'KRAVETS Maksym', date_of_birth: '03.02.1985' },
        { full_name: 'Unknown Person' },
      ],
    });
    await assert.rejects(
      app.exchange.addEntries(officer, list.id, { personIds: ['01890000-0000-7000-8000-000000000000'] }),
      (x) => isDomainError(x, 'VALIDATION_FAILED'),
    );
    const v = await app.exchange.verify(officer, list.id);
    assert.equal(v.verified, 3);
    let got = await app.exchange.get(officer, list.id);
    const [already, matched, unknown] = got.entries;
    assert.match(JSON.stringify(already!.verification), /already released/);
    assert.equal(matched!.personId, held.person.id, 'the submitted entry was matched across scripts');
    assert.match(JSON.stringify(unknown!.verification), /not found in the registry/);
    await assert.rejects(
      app.exchange.transition(officer, list.id, unknown!.id, {
        to: 'verified',
        expectedVersion: unknown!.version,
      }),
      (x) => code(x) === 'STATE_INVALID',
    );
    let version = matched!.version;
    for (const to of ['verified', 'agreed', 'completed'] as const)
      version = (
        await app.exchange.transition(officer, list.id, matched!.id, {
          to,
          expectedVersion: version,
          date: '2022-09-21',
        })
      ).version;
    const person = await app.persons.get(officer, held.person.id);
    assert.equal(person.status.state, 'released');
    assert.ok(person.timeline.some((e) => e.kind === 'exchanged' && e.sourceId === list.sourceId));
    got = await app.exchange.get(officer, list.id);
    assert.equal(got.entries[1]!.status, 'completed');
    await assert.rejects(app.exchange.get(analyst, list.id), (x) => code(x) === 'FORBIDDEN');
  });
});
