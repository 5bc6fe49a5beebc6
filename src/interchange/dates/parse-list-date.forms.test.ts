import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseListDate } from '../index.js';
import type { ListDateOptions } from '../index.js';

type D = { year: number; month?: number; day?: number; about?: boolean };

const readable: { text: string; date: D; ambiguous?: boolean; opts?: ListDateOptions }[] = [
  { text: '1994-03-05', date: { year: 1994, month: 3, day: 5 } },
  { text: '1994-03-05T00:00:00Z', date: { year: 1994, month: 3, day: 5 } },
  { text: '1994-03', date: { year: 1994, month: 3 } },
  { text: '1994/3/5', date: { year: 1994, month: 3, day: 5 } },
  { text: '19940305', date: { year: 1994, month: 3, day: 5 } },
  { text: '05.03.1994', date: { year: 1994, month: 3, day: 5 } },
  { text: '5.3.1994', date: { year: 1994, month: 3, day: 5 } },
  { text: '05.03.94', date: { year: 1994, month: 3, day: 5 } },
  { text: '01.01.05', date: { year: 2005, month: 1, day: 1 } },
  { text: '01.01.05', date: { year: 1905, month: 1, day: 1 }, opts: { pivot: 5 } },
  { text: '03.1994', date: { year: 1994, month: 3 } },
  { text: '05/03/1994', date: { year: 1994, month: 3, day: 5 }, ambiguous: true },
  { text: '05/03/1994', date: { year: 1994, month: 5, day: 3 }, opts: { order: 'MDY' } },
  { text: '05/03/1994', date: { year: 1994, month: 3, day: 5 }, opts: { order: 'DMY' } },
  { text: '25/03/1994', date: { year: 1994, month: 3, day: 25 } },
  { text: '03/25/1994', date: { year: 1994, month: 3, day: 25 } },
  { text: '03/03/1994', date: { year: 1994, month: 3, day: 3 } },
  { text: '5 March 1994', date: { year: 1994, month: 3, day: 5 } },
  { text: 'March 5, 1994', date: { year: 1994, month: 3, day: 5 } },
  { text: '5 Mar 1994', date: { year: 1994, month: 3, day: 5 } },
  { text: 'March 1994', date: { year: 1994, month: 3 } },
  { text: '1994', date: { year: 1994 } },
  { text: '1994 р.', date: { year: 1994 } },
  { text: '1994 г.', date: { year: 1994 } },
  { text: 'about 1994', date: { year: 1994, about: true } },
  { text: '~1994', date: { year: 1994, about: true } },
  { text: 'близько 1994', date: { year: 1994, about: true } },
  { text: 'около 1994 г.', date: { year: 1994, about: true } },
  { text: '1994?', date: { year: 1994, about: true } },
  { text: '5 березня 1994', date: { year: 1994, month: 3, day: 5 } },
  { text: '5 березня 1994 року', date: { year: 1994, month: 3, day: 5 } },
  { text: 'березень 1994', date: { year: 1994, month: 3 } },
  { text: '5 марта 1994', date: { year: 1994, month: 3, day: 5 } },
  { text: '12 листопада 2001', date: { year: 2001, month: 11, day: 12 } },
  { text: '1 сент. 1999', date: { year: 1999, month: 9, day: 1 } },
  { text: '29.02.2000', date: { year: 2000, month: 2, day: 29 } },
];

describe('parseListDate reads the forms found in lists', () => {
  for (const c of readable) {
    test(`${JSON.stringify(c.text)}${c.opts ? ' ' + JSON.stringify(c.opts) : ''}`, () => {
      const r = parseListDate(c.text, c.opts);
      assert.deepEqual(r.date, c.date);
      assert.equal(r.ambiguous, c.ambiguous ?? false);
      assert.equal(r.problem, undefined);
    });
  }
});

const impossible = [
  '2022-02-30',
  '31.04.2020',
  '29.02.2001',
  '13/13/2000',
  '2020-13',
  '0000',
  '32 March 1994',
];

describe('parseListDate reports dates that cannot exist', () => {
  for (const text of impossible) {
    test(JSON.stringify(text), () => {
      const r = parseListDate(text);
      assert.equal(r.date, null);
      assert.equal(typeof r.problem, 'string');
    });
  }
});

describe('parseListDate reports text that is not a date', () => {
  for (const text of ['unknown', 'невідомо', '5 Foo 1994', '1994-3-5-7', '12345']) {
    test(JSON.stringify(text), () => {
      const r = parseListDate(text);
      assert.equal(r.date, null);
      assert.match(r.problem ?? '', /not a date/);
    });
  }
});

test('a blank cell is no date and no problem', () => {
  assert.deepEqual(parseListDate('  '), { date: null, ambiguous: false });
});
