import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { nameKey } from '../matching/index.js';
import { asId, type Claim } from '../domain/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { nameTokenKeyer, pairKey } from './indexing.js';
import { namePlan, prefixCandidates, prefixPlan } from './search.js';

const claim = (field: Claim['field'], value: string): Claim => ({
  id: asId(`c-${field}`),
  personId: asId('p'),
  field,
  value,
  confidence: 'probable',
  sensitivity: 'normal',
  sourceId: asId('s'),
  batchId: null,
  assertedAt: null,
  recordedAt: '2024-01-01T00:00:00Z',
  recordedBy: asId('u'),
  supersedes: null,
  reason: null,
});

test('a person has a pair key for each two different name keys: three letters of one, then the other', () => {
  const keys = nameTokenKeyer([
    claim('family_name', 'Ковальчук'),
    claim('given_name', 'Андрій'),
    claim('name_original', 'КОВАЛЬЧУК Андрій'),
  ]);
  const family = nameKey('ковальчук');
  const given = nameKey('андрій');
  const pairs = keys.filter((k) => k.includes('|')).sort();
  assert.deepEqual(pairs, [pairKey(given, family), pairKey(family, given)].sort());
  assert.equal(pairKey(family, given), `k:${family.slice(0, 3)}|${given}`);
  assert.ok(keys.includes(`k:${family}`) && keys.includes('t:ковальчук'), 'the one-name keys stay');
});

forEachDialect('search as you type: name-token prefixes', (fx) => {
  test('the rarest prefix is read first; a prefix nobody has ends the search at once', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Prefix list');
    const people = [
      ['Бондаренко', 'Олександр'],
      ['Коваленко', 'Олександр'],
      ['Мельник', 'Олександр'],
      ['Ткачишин', 'Олександр'],
      ['Ткачишин', 'Петро'],
    ] as const;
    const ids: string[] = [];
    for (const [family, given] of people) {
      const r = await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: given },
        ],
      });
      ids.push(r.person.id);
    }
    const db = fx.database().db;
    const given = `k:${nameKey('олександр')}`;
    const family = `k:${nameKey('ткачишин')}`;
    // Four persons are called Oleksandr, two Tkachyshyn: whatever the order typed, the surname leads.
    assert.deepEqual(await prefixPlan(db, [given, family]), [family, given]);
    assert.deepEqual(await prefixPlan(db, [family, given]), [family, given]);
    assert.deepEqual(await prefixPlan(db, [given, given]), [given], 'a prefix typed twice is read once');
    assert.deepEqual(await prefixPlan(db, [given, 'k:zzzq']), [], 'nobody has a key starting with k:zzzq');

    // An initial first ("О.", as a list writes it) is checked per person, not read as a range.
    assert.deepEqual(await prefixCandidates(db, 'О. Ткачиш', 400), [ids[3]]);
    assert.deepEqual(await prefixCandidates(db, 'Oleksandr Tkach', 400), [ids[3]], 'across scripts');
    assert.deepEqual((await prefixCandidates(db, 'Ткачишин', 400)).sort(), [ids[3], ids[4]].sort());
    assert.deepEqual(await prefixCandidates(db, 'Олександр Шевч', 400), [], 'no Shevchenko in the registry');
    assert.equal((await prefixCandidates(db, 'Олекс', 2)).length, 2, 'the limit holds');
  });

  test('two words are read through a pair key; the migration gives earlier persons the same pair keys', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Pair list');
    const people = [
      ['Гнатюк', 'Богдан', 'Іванович'],
      ['Гнатюк', 'Іван', 'Петрович'],
      ['Мазур', 'Богдан', 'Петрович'],
    ] as const;
    const ids: string[] = [];
    for (const [family, given, patronymic] of people)
      ids.push(
        (
          await app.persons.register(officer, {
            sourceId: src.id,
            claims: [
              { field: 'family_name', value: family },
              { field: 'given_name', value: given },
              { field: 'patronymic', value: patronymic },
            ],
          })
        ).person.id,
      );
    const db = fx.database().db;
    const k = (word: string) => nameKey(word);
    // Bohdan and Hnat…: one pair key reads the one person, nothing left to check but the whole given name.
    const plan = await namePlan(db, [k('богдан'), k('гнат')]);
    assert.ok(plan && plan.length >= 1 && plan[0]!.includes('|'), `a pair prefix leads: ${String(plan)}`);
    assert.deepEqual(await prefixCandidates(db, 'Bohdan Hnat', 400), [ids[0]]);
    assert.deepEqual(
      await prefixCandidates(db, 'Богдан Гнатюк Петр', 400),
      [],
      'no Bohdan Hnatiuk Petrovych',
    );
    assert.deepEqual((await prefixCandidates(db, 'Петрович Гнат', 400)).sort(), [ids[1]]);
    assert.deepEqual(await namePlan(db, [k('мазур'), k('іван')]), [], 'nobody is called both');
    // "Ivan Iva": both words could be one name of one person, which no pair key says: no pair is read.
    assert.ok(!(await namePlan(db, [k('іван'), k('іва')]))[0]!.includes('|'));
    assert.deepEqual((await prefixCandidates(db, 'Іван Іва', 400)).sort(), [ids[0], ids[1]].sort());

    // A rare word alone beats a pair whose three letters every Bohdan shares.
    for (const family of ['Вакуленко', 'Валенко', 'Вовк', 'Богданенко'])
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: family === 'Богданенко' ? 'Віктор' : 'Богдан' },
        ],
      });
    assert.deepEqual(await namePlan(db, [k('богданенко'), k('в')]), [`k:${k('богданенко')}`, `k:${k('в')}`]);
  });

  test('persons are read a page of keys at a time: one with many spellings does not hide the next', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'Spellings list');
    // Forty spellings of one surname ("Цибулаа" … "Цибулбт"), all before "Цибуля" in key order.
    const letters = 'абвгдежзиклмнопрстуф';
    const spellings = Array.from(
      { length: 40 },
      (_, i) => `Цибул${letters[Math.floor(i / 20)]}${letters[i % 20]}`,
    );
    const many = await app.persons.register(officer, {
      sourceId: src.id,
      claims: spellings.map((value) => ({ field: 'family_name', value })),
    });
    const other = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Цибуля' }],
    });
    const db = fx.database().db;
    assert.deepEqual(await prefixCandidates(db, 'Цибул', 2), [many.person.id, other.person.id]);
  });
});
