import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError, type ErrorCode } from '../domain/index.js';
import { aSource, officer, registrar, testApp } from './testing/test-app.js';
import type { App } from './create-app.js';

const code = (e: unknown): ErrorCode | string => (isDomainError(e) ? e.code : String(e));

/** A registry person and an enquiry that finds them (one name per test: the suite shares its database). */
async function enquiryWithCandidate(
  app: App,
  [family, given, familyLatin, givenLatin, year]: [string, string, string, string, number],
) {
  const src = await aSource(app, 'Review queue list');
  const p = await app.persons.register(officer, {
    sourceId: src.id,
    claims: [
      { field: 'family_name', value: family },
      { field: 'given_name', value: given },
      { field: 'date_of_birth', value: { year, month: 11, day: 30 } },
    ],
  });
  const e = await app.enquiries.create(officer, {
    enquirer: { name: 'Invented Father', relationship: 'father' },
    consent: { tracing: true, givenOn: '2022-07-01' },
    sought: {
      family_name: familyLatin,
      given_name: givenLatin,
      date_of_birth: { year, month: 11, day: 30 },
      age: 31,
    },
  });
  assert.equal(e.candidates, 1);
  return { personId: p.person.id, enquiryId: e.id };
}

async function itemOf(app: App, enquiryId: string) {
  const open = await app.review.list(officer, { kind: 'enquiry_person' });
  return open.items.find((i) => i.leftId === enquiryId);
}

forEachDialect('review queue with enquiry candidates', (fx) => {
  test('an enquiry candidate is in the queue; side by side it shows the sought person and the contributions', async () => {
    const app = testApp(fx.database());
    const { personId, enquiryId } = await enquiryWithCandidate(app, [
      'Костенко',
      'Микола',
      'Kostenko',
      'Mykola',
      1990,
    ]);
    const queue = await app.review.list(officer, {});
    const item = queue.items.find((i) => i.kind === 'enquiry_person' && i.leftId === enquiryId);
    assert.ok(item, 'the queue without a kind holds enquiry candidates');
    assert.equal(item.rightId, personId);
    const detail = await app.review.get(officer, item.id);
    assert.equal(detail.kind, 'enquiry_person');
    assert.deepEqual(detail.enquiry, { id: enquiryId, status: 'candidate_found', version: 2 });
    const sought = detail.left.view.fields as Record<string, { best: { value: unknown } }>;
    assert.equal(sought['family_name']!.best.value, 'Kostenko');
    assert.deepEqual(sought['date_of_birth']!.best.value, { year: 1990, month: 11, day: 30 });
    assert.equal(sought['age']!.best.value, '31');
    assert.equal(detail.right.id, personId);
    assert.ok(detail.current && detail.current.explanation.contributions.length > 0);
    assert.ok(detail.current.probability >= 0.5);
    await assert.rejects(app.review.get(registrar, item.id), (x) => code(x) === 'FORBIDDEN');
  });

  test('accepting in the queue confirms the enquiry with the person; survivorId is refused', async () => {
    const app = testApp(fx.database());
    const { personId, enquiryId } = await enquiryWithCandidate(app, [
      'Гаврилюк',
      'Тарас',
      'Havryliuk',
      'Taras',
      1979,
    ]);
    const item = await itemOf(app, enquiryId);
    await assert.rejects(
      app.review.decide(officer, item!.id, { decision: 'accepted', survivorId: personId }),
      (x) => isDomainError(x, 'VALIDATION_FAILED') && x.issues.some((i) => i.path === 'survivorId'),
    );
    const r = await app.review.decide(officer, item!.id, { decision: 'accepted', reason: 'same man' });
    assert.deepEqual(r, { id: item!.id, status: 'accepted', mergeId: null });
    const e = await app.enquiries.get(officer, enquiryId);
    assert.equal(e.status, 'confirmed');
    assert.equal(e.personId, personId);
    assert.equal(e.steps.at(-1)!.note, 'same man');
    assert.equal((await app.persons.get(officer, personId)).person.mergedInto, null, 'nothing is merged');
    await assert.rejects(
      app.review.decide(officer, item!.id, { decision: 'rejected' }),
      (x) => code(x) === 'STATE_INVALID',
    );
  });

  test('rejecting the only candidate in the queue resumes the search; unsure keeps it in the queue', async () => {
    const app = testApp(fx.database());
    const { enquiryId } = await enquiryWithCandidate(app, [
      'Дмитренко',
      'Олексій',
      'Dmytrenko',
      'Oleksii',
      1968,
    ]);
    const item = await itemOf(app, enquiryId);
    await app.review.decide(officer, item!.id, { decision: 'unsure' });
    assert.equal((await app.enquiries.get(officer, enquiryId)).status, 'candidate_found');
    const unsure = await app.review.list(officer, { kind: 'enquiry_person', status: 'unsure' });
    assert.ok(unsure.items.some((i) => i.id === item!.id));
    await app.review.decide(officer, item!.id, { decision: 'rejected' });
    assert.equal((await app.enquiries.get(officer, enquiryId)).status, 'searching');
  });
});
