// A sentence without time words of its own takes the previous sentence's window only when it
// clearly continues it ("Of them …", "Among them …", "Another 40 …", "Twelve of them …"), and only
// within the paragraph. Publication date of every row: Thursday 2026-03-12.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractReport } from '../index.js';

const PUBLISHED = '2026-03-12';
const LAST_DAY = ['period', '2026-03-11', '2026-03-12'];
const TUESDAY = ['period', '2026-03-10', '2026-03-10'];
const SINCE_MONDAY = ['cumulative', '2026-03-09', PUBLISHED];
const AT_PUBLICATION = ['as_of', null, PUBLISHED];
const UP_TO_PUBLICATION = ['period', null, PUBLISHED];

type Row = [text: string, expected: [count: number, category: string, window: (string | null)[]][]];

const ROWS: Row[] = [
  [
    'In the last 24 hours, 100 fighters surrendered. Of them, 80 were wounded.',
    [
      [100, 'surrendered', LAST_DAY],
      [80, 'wounded', LAST_DAY],
    ],
  ],
  [
    'In the last 24 hours, 100 fighters surrendered. Another 40 were evacuated.',
    [
      [100, 'surrendered', LAST_DAY],
      [40, 'evacuated', LAST_DAY],
    ],
  ],
  [
    'Since Monday, 300 fighters have surrendered. Among them were 12 medics.',
    [
      [300, 'surrendered', SINCE_MONDAY],
      [12, 'surrendered', SINCE_MONDAY],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne. Twelve of them were wounded.',
    [
      [120, 'evacuated', TUESDAY],
      [12, 'wounded', TUESDAY],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne. A further 30 were wounded.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'wounded', TUESDAY],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne. They included 30 wounded.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'wounded', TUESDAY],
    ],
  ],
  ['The convoy left Zarichne on Tuesday. Among them were 40 wounded civilians.', [[40, 'wounded', TUESDAY]]],
  // Not continued: a new subject, a new paragraph, its own time words, or more of the same count.
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne. 30 soldiers were wounded.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'wounded', AT_PUBLICATION],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne.\n\nAnother 30 were wounded.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'wounded', UP_TO_PUBLICATION],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated from Zarichne. Another 30 were evacuated on Wednesday.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'evacuated', ['period', '2026-03-11', '2026-03-11']],
    ],
  ],
  [
    'Since Monday, 300 fighters have surrendered. Another 40 surrendered.',
    [
      [300, 'surrendered', SINCE_MONDAY],
      [40, 'surrendered', UP_TO_PUBLICATION],
    ],
  ],
  [
    'On Tuesday, 120 civilians were evacuated. The ministry said 30 soldiers were wounded. Of them, 9 died.',
    [
      [120, 'evacuated', TUESDAY],
      [30, 'wounded', AT_PUBLICATION],
      [9, 'dead', AT_PUBLICATION],
    ],
  ],
];

describe('windows of sentences that continue the previous one', () => {
  for (const [text, expected] of ROWS)
    test(text.replace(/\n/g, ' ¶ '), () => {
      const r = extractReport({ text, published: PUBLISHED });
      assert.deepEqual(
        r.figures.map((f) => [f.count, f.category, [f.window.kind, f.window.from, f.window.to]]),
        expected,
      );
    });

  test('without a publication date the continued window keeps its time words', () => {
    const r = extractReport({
      text: 'In the last 24 hours, 100 fighters surrendered. Another 40 were evacuated.',
    });
    assert.deepEqual(
      r.figures.map((f) => [f.count, f.window.from, f.window.to, f.relative]),
      [
        [100, null, null, 'In the last 24 hours'],
        [40, null, null, 'In the last 24 hours'],
      ],
    );
  });
});
