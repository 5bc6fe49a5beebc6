import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { isDomainError, type ErrorCode } from '../domain/index.js';
import type { App } from './create-app.js';
import { admin, aSource, officer, registrar, testApp } from './testing/test-app.js';

const code = (e: unknown): ErrorCode | string => (isDomainError(e) ? e.code : String(e));

type Dob = { year: number; month: number; day: number };
const person = (family: string, given: string, dob: Dob) => [
  { field: 'family_name', value: family },
  { field: 'given_name', value: given },
  { field: 'date_of_birth', value: dob },
];

// Invented people. Same person written in two scripts, same birth date: officers accept these.
const SAME = [
  ['Гончаренко', 'Віктор', 'Goncharenko', 'Viktor', { year: 1991, month: 4, day: 9 }],
  ['Мельник', 'Андрій', 'Melnik', 'Andrei', { year: 1985, month: 2, day: 17 }],
  ['Савченко', 'Олег', 'Savchenko', 'Oleg', { year: 1979, month: 8, day: 30 }],
  ['Литвиненко', 'Ігор', 'Litvinenko', 'Igor', { year: 1993, month: 12, day: 2 }],
] as const;
// Same name, born the same year on another day: officers reject these as namesakes.
const NAMESAKES = [
  [
    'Бондаренко',
    'Сергій',
    'Bondarenko',
    'Sergei',
    { year: 1990, month: 3, day: 5 },
    { year: 1990, month: 10, day: 21 },
  ],
  [
    'Кравченко',
    'Іван',
    'Kravchenko',
    'Ivan',
    { year: 1988, month: 1, day: 14 },
    { year: 1988, month: 6, day: 27 },
  ],
] as const;

async function registerPairs(app: App) {
  const ua = await aSource(app, 'Ukrainian list');
  const ru = await aSource(app, 'Russian list');
  const reg = async (sourceId: string, claims: unknown) =>
    (await app.persons.register(officer, { sourceId, claims })).person.id;
  const same = [];
  for (const [f1, g1, f2, g2, dob] of SAME)
    same.push([await reg(ua.id, person(f1, g1, dob)), await reg(ru.id, person(f2, g2, dob))]);
  const namesakes = [];
  for (const [f1, g1, f2, g2, d1, d2] of NAMESAKES)
    namesakes.push([await reg(ua.id, person(f1, g1, d1)), await reg(ru.id, person(f2, g2, d2))]);
  return { same, namesakes };
}

async function itemFor(app: App, ids: readonly string[]) {
  const queue = await app.review.list(officer, {});
  return queue.items.find((i) => ids.includes(i.leftId) && ids.includes(i.rightId));
}

forEachDialect('matching models', (fx) => {
  test('training from decisions lowers a rejected kind of pair; activation switches search and decisions to it', async () => {
    const app = testApp(fx.database());
    const { same, namesakes } = await registerPairs(app);
    await assert.rejects(
      app.models.train(officer, { from: 'decisions' }),
      (e) => code(e) === 'STATE_INVALID',
    );
    for (const pair of same) {
      const item = await itemFor(app, pair);
      assert.ok(item, 'the same person in two scripts is queued');
      await app.review.decide(officer, item.id, { decision: 'accepted' });
    }
    const [firstNamesake, ...otherNamesakes] = namesakes;
    for (const pair of otherNamesakes) {
      const item = await itemFor(app, pair);
      assert.ok(item, 'namesakes are queued');
      await app.review.decide(officer, item.id, { decision: 'rejected' });
    }
    const [, , family, given, , dob] = NAMESAKES[0];
    const query = {
      fields: {
        family_name: family,
        given_name: given,
        date_of_birth: `${dob.year}-${dob.month}-${dob.day}`,
      },
    };
    const before = await app.persons.search(officer, query);
    const trained = await app.models.train(officer, { from: 'decisions' });
    assert.equal(trained.how, 'decisions');
    assert.equal(trained.active, false);
    assert.equal(trained.metrics['pairs'], SAME.length + otherNamesakes.length);
    assert.equal(trained.metrics['accepted'], SAME.length);
    await assert.rejects(app.models.activate(officer, trained.version), (e) => code(e) === 'FORBIDDEN');
    await assert.rejects(app.models.activate(admin, 'no-such-model+x.1'), (e) => code(e) === 'NOT_FOUND');
    const activated = await app.models.activate(admin, trained.version);
    assert.equal(activated.reindexed, 0, 'same blocking rules: nothing to re-key');
    const after = await app.persons.search(officer, query);
    assert.equal(after.modelVersion, trained.version);
    const hit = (r: typeof before) => r.items.find((i) => i.id === firstNamesake![0]);
    assert.ok(hit(before) && hit(after));
    assert.ok(hit(after)!.probability < hit(before)!.probability, 'a namesake pair scores lower');
    const item = await itemFor(app, firstNamesake!);
    assert.ok(item);
    await app.review.decide(officer, item.id, { decision: 'unsure' });
    const decision = await fx
      .database()
      .db.selectFrom('match_decisions')
      .select('model_version')
      .where('candidate_id', '=', item.id)
      .executeTakeFirstOrThrow();
    assert.equal(decision.model_version, trained.version);
    const listed = await app.models.list(officer);
    assert.deepEqual(
      listed.items.filter((i) => i.active).map((i) => i.version),
      [trained.version],
    );
  });

  test('a new app on the same database starts with the active model; the default can be re-activated', async () => {
    const app = testApp(fx.database());
    const version = await app.models.loadActive();
    assert.ok(version, 'the previous test activated a model');
    const other = testApp(fx.database());
    assert.notEqual(other.ctx.matcher.model.version, version);
    assert.equal(await other.models.loadActive(), version);
    assert.equal(other.ctx.matcher.model.version, version);
    const shipped = (await other.models.list(officer)).items.find((i) => i.how === 'default');
    assert.ok(shipped);
    await other.models.activate(admin, shipped.version);
    assert.equal(await app.models.loadActive(), shipped.version);
    const rows = await fx
      .database()
      .db.selectFrom('match_models')
      .select('version')
      .where('active', '=', 1)
      .execute();
    assert.equal(rows.length, 1, 'at most one active model');
  });

  test('EM training on the registry stores a new inactive version; bad input is refused by field', async () => {
    const app = testApp(fx.database());
    const trained = await app.models.train(officer, { from: 'em' });
    assert.equal(trained.how, 'em');
    assert.ok((trained.metrics['persons'] as number) >= 2);
    const got = await app.models.get(officer, trained.version);
    assert.equal(got.model.version, trained.version);
    await assert.rejects(app.models.get(officer, 'missing'), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(
      app.models.train(officer, { from: 'magic' }),
      (e) => code(e) === 'VALIDATION_FAILED',
    );
    await assert.rejects(app.models.train(registrar, { from: 'em' }), (e) => code(e) === 'FORBIDDEN');
  });
});
