import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseName } from './index.js';

interface Expected {
  given: string[];
  patronymic?: string | null;
  family: string[];
  initials?: string[];
}

const TABLE: [string, Expected][] = [
  // Official surname-first order, surname in capitals.
  ['КОВАЛЬЧУК Андрій Миколайович', { given: ['Андрій'], patronymic: 'Миколайович', family: ['КОВАЛЬЧУК'] }],
  ['SAMOILENKO Ivan', { given: ['Ivan'], family: ['SAMOILENKO'] }],
  ['Ivan SAMOILENKO', { given: ['Ivan'], family: ['SAMOILENKO'] }],
  // Surname first without capitals, decided by the patronymic or the given-name classes.
  ['Ковальчук Андрей Николаевич', { given: ['Андрей'], patronymic: 'Николаевич', family: ['Ковальчук'] }],
  ['Андрей Николаевич Ковальчук', { given: ['Андрей'], patronymic: 'Николаевич', family: ['Ковальчук'] }],
  ['Kovalchuk Andrii Mykolaiovych', { given: ['Andrii'], patronymic: 'Mykolaiovych', family: ['Kovalchuk'] }],
  ['Andrii Kovalchuk', { given: ['Andrii'], family: ['Kovalchuk'] }],
  ['Kovalchuk Andrii', { given: ['Andrii'], family: ['Kovalchuk'] }],
  ['Шевченко Тарас', { given: ['Тарас'], family: ['Шевченко'] }],
  // Comma forms.
  ['Kowaltschuk, Andrij', { given: ['Andrij'], family: ['Kowaltschuk'] }],
  ['Petrenko, Olena Ivanivna', { given: ['Olena'], patronymic: 'Ivanivna', family: ['Petrenko'] }],
  // Initials, before or after the surname, with or without spaces.
  ['A. M. Kovalchuk', { given: [], family: ['Kovalchuk'], initials: ['A', 'M'] }],
  ['Kovalchuk A.M.', { given: [], family: ['Kovalchuk'], initials: ['A', 'M'] }],
  ['Іванов Ю.М.', { given: [], family: ['Іванов'], initials: ['Ю', 'М'] }],
  ['Kovalchuk, A.', { given: [], family: ['Kovalchuk'], initials: ['A'] }],
  ['Kovalchuk Yu. M.', { given: [], family: ['Kovalchuk'], initials: ['Yu', 'M'] }],
  // Double surnames: hyphenated, or two surnames.
  ['Petrenko-Kovalchuk Olena', { given: ['Olena'], family: ['Petrenko-Kovalchuk'] }],
  ['Olena Petrenko Kovalchuk', { given: ['Olena'], family: ['Petrenko', 'Kovalchuk'] }],
  // Particles stay with the family name.
  ['Ludwig van Beethoven', { given: ['Ludwig'], family: ['van Beethoven'] }],
  ['Abdullah ibn Saud', { given: ['Abdullah'], family: ['ibn Saud'] }],
  // A given name and a patronymic only.
  ['Tetiana Oleksandrivna', { given: ['Tetiana'], patronymic: 'Oleksandrivna', family: [] }],
  // One token: a family name.
  ['Ковальчук', { given: [], family: ['Ковальчук'] }],
];

describe('parseName', () => {
  for (const [input, want] of TABLE) {
    test(input, () => {
      const got = parseName(input);
      assert.deepEqual(got.given, want.given, 'given');
      assert.deepEqual(got.family, want.family, 'family');
      assert.equal(got.patronymic, want.patronymic ?? null, 'patronymic');
      assert.deepEqual(got.initials, want.initials ?? [], 'initials');
      assert.equal(got.original, input);
    });
  }
  test('surname-first and given-first orders parse the same way', () => {
    for (const [a, b] of [
      ['Andrii Kovalchuk', 'Kovalchuk Andrii'],
      ['Олена Петренко', 'Петренко Олена'],
      ['Wolodymyr Schewtschenko', 'Schewtschenko Wolodymyr'],
    ] as const) {
      const x = parseName(a);
      const y = parseName(b);
      assert.deepEqual([x.given, x.family], [y.given, y.family], `${a} / ${b}`);
    }
  });
  test('records the script', () => {
    assert.equal(parseName('Іван Петренко').script, 'cyrillic');
    assert.equal(parseName('Ivan Petrenko').script, 'latin');
    assert.equal(parseName('Ivan Петренко').script, 'mixed');
  });
  test('an empty name has empty parts', () => {
    const p = parseName('   ');
    assert.deepEqual([p.given, p.family, p.initials, p.patronymic], [[], [], [], null]);
  });
});
