// Time windows resolved against the publication date, with the past bias of news.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';

describe('dates in news, past-biased', () => {
  const rows: [text: string, published: string, expected: (string | null)[]][] = [
    ['on Monday', '2026-03-12', ['2026-03-09']],
    ['on Thursday', '2026-03-12', ['2026-03-12']],
    ['by Friday', '2026-03-12', ['2026-03-06']],
    ['since March 9', '2026-03-12', ['2026-03-09']],
    ['on December 30', '2026-01-05', ['2025-12-30']],
    ['on 12.03.2026', '2026-03-20', ['2026-03-12']],
    ['yesterday', '2026-03-12', ['2026-03-11']],
    ['on Monday', '', [null]],
    ['may have surrendered', '2026-03-12', []],
  ];
  for (const [text, published, expected] of rows)
    test(`${text} (published ${published || 'unknown'})`, () => {
      assert.deepEqual(
        findDates(text, published || null).map((d) => d.date),
        expected,
      );
    });
});
