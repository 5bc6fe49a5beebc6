import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  givenNameClass,
  givenNameClasses,
  givenNameForms,
  givenNameSex,
  patronymicClass,
  patronymicInfo,
} from './index.js';

// Each row: one given name in Ukrainian, Russian, Belarusian, Polish, German, French and English
// forms and in several romanisations.
const SAME_CLASS: string[][] = [
  [
    'Volodymyr',
    'Vladimir',
    'Wladimir',
    'Włodzimierz',
    'Volodimir',
    'Владимир',
    'Володимир',
    'Уладзімір',
    'Wolodymyr',
  ],
  ['Oleksandr', 'Aleksandr', 'Alexander', 'Aleksander', 'Олександр', 'Александр', 'Alexandre', 'Olexandr'],
  [
    'Andrii',
    'Andriy',
    'Andrij',
    'Andrey',
    'Andrei',
    'Andrzej',
    'Andreas',
    'André',
    'Andrew',
    'Андрій',
    'Андрей',
  ],
  ['Mykola', 'Nikolai', 'Nicholas', 'Mikołaj', 'Nikolaus', 'Nicolas', 'Микола', 'Николай', 'Mikalai'],
  ['Yurii', 'Yuri', 'Yuriy', 'Jurij', 'Iouri', 'Юрій', 'Юрий', 'Юрый'],
  ['Heorhii', 'Georgii', 'Georgiy', 'Georg', 'Georges', 'George', 'Георгій', 'Георгий'],
  ['Mykhailo', 'Mikhail', 'Michał', 'Michael', 'Michel', 'Mychajlo', 'Михайло', 'Михаил'],
  ['Serhii', 'Sergei', 'Sergey', 'Serhiy', 'Sergej', 'Sergueï', 'Siarhei', 'Сергій', 'Сергей'],
  ['Yevhen', 'Evgeny', 'Yevgeniy', 'Jewgeni', 'Eugeniusz', 'Eugene', 'Євген', 'Евгений'],
  ['Hryhorii', 'Grigory', 'Grzegorz', 'Gregor', 'Grégoire', 'Gregory', 'Григорій', 'Григорий'],
  ['Olena', 'Elena', 'Yelena', 'Helena', 'Hélène', 'Helen', 'Олена', 'Елена'],
  ['Olha', 'Olga', 'Volha', 'Ольга', 'Вольга'],
  ['Nataliia', 'Natalia', 'Natalya', 'Nathalie', 'Natalie', 'Наталія', 'Наталья'],
  ['Tetiana', 'Tatiana', 'Tatyana', 'Tatjana', 'Тетяна', 'Татьяна'],
  ['Kateryna', 'Ekaterina', 'Yekaterina', 'Katarzyna', 'Katharina', 'Catherine', 'Катерина', 'Екатерина'],
  ['Mariia', 'Maria', 'Mariya', 'Marija', 'Marie', 'Mary', 'Марія', 'Мария'],
  ['Liudmyla', 'Lyudmila', 'Ludmila', 'Ludmiła', 'Людмила'],
  ['Ivan', 'Iwan', 'Johann', 'John', 'Іван', 'Иван'],
  ['Yulia', 'Yuliia', 'Julia', 'Ioulia', 'Julie', 'Юлія', 'Юлия'],
];

describe('given names meet in one class across languages, scripts and romanisations', () => {
  for (const row of SAME_CLASS) {
    test(row[0]!, () => {
      const cls = givenNameClass(row[0]!);
      assert.notEqual(cls, null);
      for (const name of row) assert.equal(givenNameClass(name), cls, name);
    });
  }
});

// Names that look alike but are different names must keep different classes.
const DIFFERENT_CLASS: [string, string][] = [
  ['Oleksandr', 'Oleksii'],
  ['Oleksandr', 'Oleksandra'],
  ['Yurii', 'Georgii'],
  ['Maria', 'Mariana'],
  ['Maria', 'Maryna'],
  ['Yehor', 'Ihor'],
  ['Ivan', 'Ivanna'],
  ['Ivan', 'Yan'],
  ['Olena', 'Alina'],
  ['Elina', 'Elena'],
  ['Illia', 'Ella'],
  ['Vladyslav', 'Volodymyr'],
  ['Viktor', 'Viktoriia'],
  ['Valentyn', 'Valentyna'],
  ['Yaroslav', 'Yaroslava'],
  ['Danylo', 'Denys'],
  ['Stanislav', 'Sviatoslav'],
  ['Aliia', 'Alla'],
  ['Liliia', 'Leila'],
  ['Semen', 'Stepan'],
];

describe('near-miss given names stay apart', () => {
  for (const [a, b] of DIFFERENT_CLASS) {
    test(`${a} ≠ ${b}`, () => {
      const ca = givenNameClass(a);
      const cb = givenNameClass(b);
      assert.notEqual(ca, null, a);
      assert.notEqual(cb, null, b);
      assert.notEqual(ca, cb);
    });
  }
});

describe('patronymics resolve to the class of the father’s name', () => {
  const table: [string, string, 'm' | 'f'][] = [
    ['Миколайович', 'Mykola', 'm'],
    ['Николаевич', 'Mykola', 'm'],
    ['Mykolayovych', 'Mykola', 'm'],
    ['Nikolaevich', 'Mykola', 'm'],
    ['Nikolajewitsch', 'Mykola', 'm'],
    ['Миколаївна', 'Mykola', 'f'],
    ['Николаевна', 'Mykola', 'f'],
    ['Сергійович', 'Serhii', 'm'],
    ['Сергеевич', 'Serhii', 'm'],
    ['Sergeyevna', 'Serhii', 'f'],
    ['Андріївна', 'Andrii', 'f'],
    ['Alekseevich', 'Oleksii', 'm'],
    ['Петрович', 'Petro', 'm'],
    ['Ivanovna', 'Ivan', 'f'],
    ['Ильич', 'Illia', 'm'],
    ['Ильинична', 'Illia', 'f'],
    ['Кузьмич', 'Kuzma', 'm'],
    ['Dmitrievich', 'Dmytro', 'm'],
    ['Юрійович', 'Yurii', 'm'],
  ];
  for (const [patronymic, father, sex] of table) {
    test(`${patronymic} → ${father}`, () => {
      assert.equal(patronymicClass(patronymic), givenNameClass(father));
      assert.equal(patronymicInfo(patronymic)?.sex, sex);
    });
  }
  test('a name that is not a patronymic has no father class', () => {
    for (const t of ['Kovalchuk', 'Andrii', 'Ivanenko']) assert.equal(patronymicClass(t), null, t);
  });
});

describe('the class data', () => {
  const classes = givenNameClasses();
  test('has at least 400 classes with unique ids, of both sexes', () => {
    assert.ok(classes.length >= 400);
    assert.equal(new Set(classes.map((c) => c.id)).size, classes.length);
    assert.ok(classes.some((c) => c.sex === 'm') && classes.some((c) => c.sex === 'f'));
  });
  test('every class has Ukrainian and Russian forms, and its Ukrainian form resolves to it', () => {
    for (const c of classes) {
      assert.ok((c.forms.uk ?? []).length > 0 && (c.forms.ru ?? []).length > 0, c.id);
      assert.equal(givenNameClass(c.forms.uk![0]!), c.id, c.id);
    }
  });
  test('forms by language serve writers of Russian forms of Ukrainian names', () => {
    const cls = givenNameClass('Андрій')!;
    assert.deepEqual(givenNameForms(cls, 'ru'), ['Андрей']);
    assert.deepEqual(givenNameForms('no-such-class', 'ru'), []);
    assert.equal(givenNameSex('Олена'), 'f');
    assert.equal(givenNameSex('Petrenko'), null);
  });
});
