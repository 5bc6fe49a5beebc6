import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparePartialDates,
  formatPartialDate,
  parsePartialDate,
  partialDateRange,
  precisionOf,
} from './partial-date.js';
import { isDomainError } from './errors.js';

test('canonical forms round-trip with their precision', () => {
  const cases: [string, string][] = [
    ['1994', 'year'],
    ['1994-03', 'month'],
    ['1994-03-05', 'day'],
    ['~1994', 'year'],
  ];
  for (const [text, precision] of cases) {
    const d = parsePartialDate(text);
    assert.equal(formatPartialDate(d), text);
    assert.equal(precisionOf(d), precision);
  }
  assert.equal(parsePartialDate('~1994').about, true);
});

test('dates that cannot exist are refused with INVALID_DATE', () => {
  for (const bad of ['2022-02-30', '2023-02-29', '1994-13', '1994-00-10', '94-03-05', 'yesterday', '']) {
    assert.throws(
      () => parsePartialDate(bad),
      (e) => isDomainError(e, 'INVALID_DATE'),
      bad,
    );
  }
  assert.deepEqual(parsePartialDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
});

test('ranges cover the whole period a partial date stands for', () => {
  assert.deepEqual(partialDateRange(parsePartialDate('2024-02')), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(partialDateRange(parsePartialDate('2022')), { from: '2022-01-01', to: '2022-12-31' });
  const sorted = ['2022-05-17', '2022', '2022-05', '2021-12-31']
    .map(parsePartialDate)
    .sort(comparePartialDates);
  assert.deepEqual(sorted.map(formatPartialDate), ['2021-12-31', '2022', '2022-05', '2022-05-17']);
});
