import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, nameKeys } from './index.js';

// Each row: spellings of one surname across scripts, conventions and Ukrainian/Russian forms.
const SAME: string[][] = [
  ['Samoylenko', 'Samojlenko', 'Samoilenko', 'Самойленко', 'Самойлєнко', 'Samoïlenko'],
  [
    'Kovalchuk',
    'Kowaltschuk',
    'Kovaltchouk',
    'Kowalczuk',
    'Ковальчук',
    'Kovalčuk',
    "Koval'chuk",
    'KOVALCHUK',
  ],
  ['Shcherbak', 'Schtscherbak', 'Szczerbak', 'Chtcherbak', 'Ščerbak', 'Щербак', 'Scherbak', 'Ŝerbak'],
  ['Kovalskyi', 'Kovalskyy', 'Kovalsky', 'Kovalskiy', 'Kowalski', 'Kovalskij', 'Ковальський', 'Ковальский'],
  ['Kovalska', 'Kovalskaya', 'Kowalska', 'Kovalskaja', 'Ковальська', 'Ковальская'],
  ['Yevtushenko', 'Evtushenko', 'Jewtuschenko', 'Ievtouchenko', 'Євтушенко', 'Евтушенко'],
  ['Hrytsenko', 'Gritsenko', 'Hryzenko', 'Grycenko', 'Hrycenko', 'Гриценко'],
  ['Bilyk', 'Belyk', 'Bilik', 'Білик', 'Белик'],
  ['Lysenko', 'Lisenko', 'Лисенко', 'Лысенко'],
  ['Kravets', 'Krawez', 'Kravec', 'Kravetz', 'Кравець', 'Кравец'],
  ['Kovalyov', 'Kovalov', 'Kowalow', 'Kovaliov', 'Kovalëv', 'Ковальов', 'Ковалёв'],
  ['Zaitsev', 'Saizew', 'Zajcev', 'Zaytsev', 'Зайцев'],
  ['Ivanov', 'Iwanow', 'Ivanoff', 'Иванов', 'Іванов'],
  ['Kuzmenko', 'Kusmenko', "Kuz'menko", 'Кузьменко'],
  ['Dziuba', 'Dzyuba', 'Dziuba', 'Дзюба'],
  ['Hnatiuk', 'Gnatyuk', 'Hnatjuk', 'Гнатюк'],
  ['Zhuravel', 'Schurawel', 'Żurawel', 'Žuravel', 'Журавель'],
  ['Ostapchuk', 'Ostaptschuk', 'Ostapczuk', 'Ostaptchouk', 'Остапчук'],
  ['Tkachenko', 'Tkatschenko', 'Tkaczenko', 'Tkatchenko', 'Tkačenko', 'Ткаченко'],
  ['Khomenko', 'Chomenko', 'Хоменко'],
  ['Melnyk', 'Melnik', 'Mielnik', "Mel'nik", 'Мельник'],
  ['Pushkin', 'Puschkin', 'Pouchkine', 'Puszkin', 'Puškin', 'Пушкин'],
  ['Sorokin', 'Sorokine', 'Сорокин'],
];

describe('spellings of one surname meet in one key', () => {
  for (const row of SAME) {
    test(row[0]!, () => {
      const key = nameKey(row[0]!);
      assert.notEqual(key, '');
      for (const s of row) assert.equal(nameKey(s), key, s);
    });
  }
});

// Different surnames (and male/female forms) that look alike must keep different keys.
const APART: [string, string][] = [
  ['Ivanenko', 'Ivanov'],
  ['Kovalenko', 'Kovalchuk'],
  ['Petrenko', 'Petrov'],
  ['Shevchenko', 'Shevchuk'],
  ['Bondarenko', 'Bondar'],
  ['Melnyk', 'Melnychuk'],
  ['Tkachenko', 'Tkachuk'],
  ['Kravchenko', 'Kravchuk'],
  ['Savchenko', 'Savchuk'],
  ['Ivanova', 'Ivanov'],
  ['Kovalska', 'Kovalskyi'],
  ['Hrytsenko', 'Hrytsak'],
  ['Sydorenko', 'Sydorchuk'],
  ['Kuzmenko', 'Kuzmin'],
  ['Romanenko', 'Romaniuk'],
  ['Pavlenko', 'Pavliuk'],
  ['Marchenko', 'Martynenko'],
  ['Lysenko', 'Lysak'],
  ['Boiko', 'Bojchuk'],
  ['Moroz', 'Morozov'],
];

describe('near misses keep different keys', () => {
  for (const [a, b] of APART) {
    test(`${a} ≠ ${b}`, () => assert.notEqual(nameKey(a), nameKey(b)));
  }
});

describe('nameKey properties', () => {
  const samples = SAME.flat().concat(APART.flat(), ['Ельцин', 'Ярослав', 'Xenia', 'Ørsted', 'Müller']);
  test('is idempotent', () => {
    for (const s of samples) assert.equal(nameKey(nameKey(s)), nameKey(s), s);
  });
  test('is deterministic across calls and cache states', () => {
    const first = samples.map(nameKey);
    assert.deepEqual(samples.map(nameKey), first);
  });
  test('tokens without letters give the empty key', () => {
    for (const s of ['', "'", '-', '1994', '..']) assert.equal(nameKey(s), '');
  });
  test('other scripts are keyed through their romanisation', () => {
    assert.equal(nameKey('Ελένη'), nameKey('Eleni'));
    assert.equal(nameKey('Αλέξανδρος'), nameKey('Alexandros'));
    assert.notEqual(nameKey('王'), '');
  });
  test('homoglyphs of mixed Latin and Cyrillic letters key as one spelling', () => {
    // "Kovalchuk" with a Cyrillic о and а typed inside Latin text.
    assert.equal(nameKey('Kоvаlchuk'), nameKey('Kovalchuk'));
  });
  test('nameKeys keys every token of a full name', () => {
    assert.deepEqual(nameKeys('КОВАЛЬЧУК Андрій Миколайович'), [
      nameKey('Kovalchuk'),
      nameKey('Andrii'),
      nameKey('Mykolaiovych'),
    ]);
    assert.deepEqual(nameKeys('Petrenko-Kovalchuk, O.'), [
      nameKey('Petrenko'),
      nameKey('Kovalchuk'),
      nameKey('O'),
    ]);
    assert.deepEqual(nameKeys('  '), []);
  });
});
