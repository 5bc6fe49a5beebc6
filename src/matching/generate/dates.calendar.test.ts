import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_FORMATS, ageAt, formatDate, parseFormattedDate } from './index.js';
import { dayNumber, fromDayNumber } from './dates.js';

describe('dates: calendar and formats', () => {
  test('day numbers agree with the platform calendar from 1900 to 2100', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let days = start; days <= end; days += 13) {
      const t = new Date(days * 86_400_000);
      const expected = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
      assert.deepEqual(fromDayNumber(days), expected);
      assert.equal(dayNumber(expected), days);
    }
  });

  test('ages count completed years', () => {
    const table: [string, string, number][] = [
      ['1994-03-05', '2022-05-17', 28],
      ['1994-05-17', '2022-05-17', 28],
      ['1994-05-18', '2022-05-17', 27],
      ['2000-02-29', '2022-02-28', 21],
    ];
    for (const [birth, at, age] of table) {
      const b = parseFormattedDate(birth, 'iso');
      const a = parseFormattedDate(at, 'iso');
      assert.ok(b && a);
      assert.equal(ageAt(b, a), age, `${birth} at ${at}`);
    }
  });

  test('every format reads back what it writes', () => {
    const d = { year: 1994, month: 3, day: 5 };
    for (const format of DATE_FORMATS) assert.deepEqual(parseFormattedDate(formatDate(d, format), format), d);
    assert.equal(formatDate(d, 'dmy-dot'), '05.03.1994');
    assert.equal(formatDate(d, 'mdy-slash'), '03/05/1994');
  });
});
