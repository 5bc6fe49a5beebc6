import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { birthYearsFromAge, parseDate } from './index.js';

describe('parseDate reads the date forms lists use', () => {
  const cases: [string, [number, number, number] | null, [number, number]?][] = [
    ['1994-03-05', [1994, 3, 5]],
    ['19940305', [1994, 3, 5]],
    ['05.03.1994', [1994, 3, 5]],
    ['5.3.1994', [1994, 3, 5]],
    ['05-03-1994', [1994, 3, 5]],
    ['13/05/1994', [1994, 5, 13]],
    ['05/13/1994', [1994, 5, 13]],
    ['03/05/1994', [1994, 5, 3], [3, 5]],
    ['5 March 1994', [1994, 3, 5]],
    ['March 5, 1994', [1994, 3, 5]],
    ['5th of March 1994', [1994, 3, 5]],
    ['5 березня 1994 р.', [1994, 3, 5]],
    ['5 марта 1994 года', [1994, 3, 5]],
    ['March 1994', [1994, 3, 0]],
    ['1994-03', [1994, 3, 0]],
    ['03.1994', [1994, 3, 0]],
    ['1994', [1994, 0, 0]],
    ['~1994', [1994, 0, 0]],
    ['05.03.94', [1994, 3, 5]],
    ['2022-02-30', null],
    ['31.04.1990', null],
    ['not a date', null],
    ['', null],
  ];
  for (const [text, expected, alt] of cases) {
    test(`"${text}"`, () => {
      const d = parseDate(text);
      if (expected === null) return assert.equal(d, null);
      assert.ok(d);
      assert.deepEqual([d.year, d.month, d.day], expected);
      assert.deepEqual([d.altMonth, d.altDay], alt ?? [0, 0]);
    });
  }
});

describe('birthYearsFromAge', () => {
  test('an age at a date gives the two possible birth years', () => {
    assert.deepEqual(birthYearsFromAge('28', '2022-05-10'), [1993, 1994]);
    assert.deepEqual(birthYearsFromAge('28 years', '10.05.2022'), [1993, 1994]);
  });
  test('without a reference date an age says nothing', () => {
    assert.equal(birthYearsFromAge('28', undefined), null);
    assert.equal(birthYearsFromAge('abc', '2022-05-10'), null);
  });
});
