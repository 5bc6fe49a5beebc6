import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nameSimilarity } from './index.js';

const score = (a: string, b: string): number => nameSimilarity(a, b).score;

// One person written by different sources: scripts, conventions, Russian forms, name orders.
const SAME_PERSON: [string, string][] = [
  ['КОВАЛЬЧУК Андрій Миколайович', 'Kovalchuk Andrii'],
  ['КОВАЛЬЧУК Андрій Миколайович', 'Kowaltschuk, Andrij'],
  ['КОВАЛЬЧУК Андрій Миколайович', 'Kovaltchouk Andriy'],
  ['КОВАЛЬЧУК Андрій Миколайович', 'Ковальчук Андрей Николаевич'],
  ['Volodymyr Zelenskyy', 'Владимир Зеленский'],
  ['Volodymyr Zelenskyy', 'Wolodymyr Selenskyj'],
  ['Yulia Tymoshenko', 'Julija Tymoschenko'],
  ['Vitali Klitschko', 'Віталій Кличко'],
  ['Petro Poroshenko', 'Пётр Порошенко'],
  ['Andriy Shevchenko', 'Andrij Schewtschenko'],
  ['Anna Hnatiuk', 'Hanna Gnatyuk'],
  ['Valerii Zaluzhnyi', 'Walerij Saluschnyj'],
  ['Kyrylo Budanov', 'Кирилл Буданов'],
  ['Serhii Kovalenko', 'Kovalenko Serhii Petrovych'],
  ['Samoylenko Olena', 'Самойленко Елена'],
  ['Kovalchuk A.', 'Kovalchuk Andrii'],
  // Other scripts, through any-ascii: alphabets, abjads (consonants only) and Chinese syllables.
  ['Ελένη Παπαδοπούλου', 'Eleni Papadopoulou'],
  ['Ευάγγελος Βενιζέλος', 'Evangelos Venizelos'],
  ['მამუკა კიკალეიშვილი', 'Mamuka Kikaleishvili'],
  ['محمد علي', 'Muhammad Ali'],
  ['صدام حسين', 'Saddam Hussein'],
  ['יצחק רבין', 'Yitzhak Rabin'],
  ['王小明', 'Wang Xiaoming'],
];

// Different people whose names differ in one part only.
const DIFFERENT: [string, string][] = [
  ['Ivan Ivanenko', 'Ivan Ivanov'],
  ['Olena Kovalenko', 'Olena Kovalchuk'],
  ['Oleksandr Petrenko', 'Oleksii Petrenko'],
  ['Oleksandr Petrenko', 'Oleksandra Petrenko'],
  ['Mariia Bondar', 'Mariana Bondar'],
  ['Yurii Melnyk', 'Heorhii Melnyk'],
  ['Ivan Petrenko', 'Petro Ivanenko'],
  ['Сергій Петрович Коваленко', 'Сергей Иванович Коваленко'],
];

describe('nameSimilarity', () => {
  for (const [a, b] of SAME_PERSON) {
    test(`same person: ${a} / ${b}`, () => {
      assert.ok(score(a, b) >= 0.85, String(score(a, b)));
      assert.equal(score(a, b), score(b, a));
    });
  }
  for (const [a, b] of DIFFERENT) {
    test(`different people: ${a} / ${b}`, () => assert.ok(score(a, b) <= 0.6, String(score(a, b))));
  }
  test('a variant of a name scores above every near miss of it', () => {
    const anchor = 'Kovalchuk Andrii Mykolaiovych';
    const variant = score(anchor, 'Ковальчук Андрей Николаевич');
    for (const miss of [
      'Kovalenko Andrii Mykolaiovych',
      'Kovalchuk Oleksii Mykolaiovych',
      'Kovalchuk Andrii Petrovych',
    ]) {
      assert.ok(variant > score(anchor, miss), miss);
    }
  });
  test('a missing part costs less than a contradicting one', () => {
    const full = 'Kovalenko Serhii Petrovych';
    assert.ok(score(full, 'Kovalenko Serhii') > score(full, 'Kovalenko Serhii Ivanovych'));
    assert.ok(score('Kovalchuk A.', 'Kovalchuk Andrii') > score('Kovalchuk O.', 'Kovalchuk Andrii'));
    // Initials agree with the name in any language, and a two-letter initial must match both letters.
    assert.equal(score('O. Kovalchuk', 'Aleksandr Kovalchuk'), score('A. Kovalchuk', 'Aleksandr Kovalchuk'));
    assert.ok(score('Kovalchuk Yu.', 'Kovalchuk Yurii') > score('Kovalchuk Ya.', 'Kovalchuk Yurii'));
  });
  test('a typo lowers the score without making it a different person', () => {
    const s = score('Kovalchuk Andrii', 'Kovalcuhk Andrii');
    assert.ok(s < 1 && s > score('Kovalchuk Andrii', 'Kovalenko Andrii'));
  });
  test('scores stay in [0,1], and an empty name scores 0', () => {
    for (const [a, b] of [...SAME_PERSON, ...DIFFERENT]) {
      const s = score(a, b);
      assert.ok(s >= 0 && s <= 1);
    }
    assert.equal(score('', 'Ivan Petrenko'), 0);
  });
  test('the explanation aligns each part with its kind and reason', () => {
    const { explanation } = nameSimilarity('КОВАЛЬЧУК Андрій Миколайович', 'Kovalchuk Andrii');
    const byKind = new Map(explanation.parts.map((p) => [p.kind, p]));
    assert.equal(byKind.get('family')?.right, 'Kovalchuk');
    assert.equal(byKind.get('given')?.left, 'Андрій');
    assert.equal(byKind.get('patronymic')?.right, null);
    assert.deepEqual(explanation.left.family, ['КОВАЛЬЧУК']);
  });
});
