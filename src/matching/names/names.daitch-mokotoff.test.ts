import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daitchMokotoff } from './index.js';

// Codes published with the method (Mokotoff's examples and the usual reference tables).
const KNOWN: [string, string[]][] = [
  ['Moskowitz', ['645740']],
  ['Moskovitz', ['645740']],
  ['Auerbach', ['097400', '097500']],
  ['Ohrbach', ['097400', '097500']],
  ['Peterson', ['734600', '739460']],
  ['Jackson', ['145460', '154600', '445460', '454600']],
  ['Lipshitz', ['874400']],
  ['Lippszyc', ['874400', '874500']],
  ['Alpert', ['087930']],
  ['Schwarzenegger', ['474659', '479465']],
];

describe('daitchMokotoff', () => {
  for (const [name, codes] of KNOWN) {
    test(name, () => assert.deepEqual(daitchMokotoff(name), codes));
  }
  test('Cyrillic is romanised first and meets its Latin spelling', () => {
    const cyr = daitchMokotoff('Ковальчук');
    assert.ok(daitchMokotoff('Kovalchuk').every((c) => cyr.includes(c)));
    assert.ok(daitchMokotoff('Kowalczuk').some((c) => cyr.includes(c)));
  });
  test('codes are six digits; no letters, no code', () => {
    for (const c of daitchMokotoff('Szczepański')) assert.match(c, /^\d{6}$/);
    assert.deepEqual(daitchMokotoff(''), []);
    assert.deepEqual(daitchMokotoff('1994'), []);
  });
});
