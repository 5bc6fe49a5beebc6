// The publication date a report gives for itself when none is passed in: "Published" and "Updated"
// lines, dates standing alone, wire datelines; dates of the story are never taken for it, and a
// dateline without a year gets one only from the text's own full dates shortly before it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractReport } from '../index.js';

const STORY = 'Since Monday, 264 fighters have surrendered at the Zorya plant, the ministry said.';

type Row = [text: string, published: string | null, source: 'text' | null, dateline: string | null];

const ROWS: Row[] = [
  [
    `KYIV, May 17 (Invented Agency) - ${STORY} The first of them left on May 16, 2022.`,
    '2022-05-17',
    'text',
    'KYIV, May 17 (Invented Agency)',
  ],
  [`May 17, 2022 — ${STORY}`, '2022-05-17', 'text', 'May 17, 2022'],
  [
    `ZARICHNE, Ukraine, 17.05.2022 (Invented Wire): ${STORY}`,
    '2022-05-17',
    'text',
    'ZARICHNE, Ukraine, 17.05.2022 (Invented Wire)',
  ],
  [`Brovarske, 17 May 2022. ${STORY}`, '2022-05-17', 'text', 'Brovarske, 17 May 2022'],
  [`Brovarske in figures\n\n17.05.2022\n\n${STORY}`, '2022-05-17', 'text', '17.05.2022'],
  [`Tuesday, 17 May 2022 14:05 GMT\n\n${STORY}`, '2022-05-17', 'text', 'Tuesday, 17 May 2022 14:05 GMT'],
  [`Brovarske Herald | 17 May 2022\n\n${STORY}`, '2022-05-17', 'text', 'Brovarske Herald | 17 May 2022'],
  [`Published 17 May 2022\n\n${STORY}`, '2022-05-17', 'text', 'Published 17 May 2022'],
  [`Updated: 17 May 2022, 14:05\n\n${STORY}`, '2022-05-17', 'text', 'Updated: 17 May 2022, 14:05'],
  [
    `Published: 16 May 2022\nUpdated: 17 May 2022\n\n${STORY}`,
    '2022-05-16',
    'text',
    'Published: 16 May 2022',
  ],
  // Not datelines: the story's own dates, relative times, a year nowhere near.
  ['On May 17, 2022, 50 soldiers surrendered, the ministry said.', null, null, null],
  ['In the last 24 hours, 100 fighters surrendered.', null, null, null],
  [`Posted 3 hours ago\n\n${STORY}`, null, null, null],
  [`Since May 16, 2022 — the siege of the plant has gone on. ${STORY}`, null, null, null],
  [`KYIV, May 17 (Invented Agency) - ${STORY}`, null, null, 'KYIV, May 17 (Invented Agency)'],
  [
    `KYIV, May 17 (Invented Agency) - The siege began on February 24, 2022. ${STORY}`,
    null,
    null,
    'KYIV, May 17 (Invented Agency)',
  ],
];

describe('publication date from the text', () => {
  for (const [text, published, source, dateline] of ROWS)
    test(text.split('\n')[0]!.slice(0, 60), () => {
      const r = extractReport({ text });
      assert.equal(r.published, published);
      assert.equal(r.dating.source, source);
      assert.equal(r.dating.text, dateline);
      if (published === null) assert.match(r.dating.note ?? '', /left open/);
    });

  test('the dateline is not part of the story', () => {
    const r = extractReport({ text: `KYIV, May 17 (Invented Agency) - ${STORY} It began on May 16, 2022.` });
    assert.equal(r.figures[0]?.sentence.startsWith('Since Monday'), true);
    assert.deepEqual(r.figures[0]?.window, { kind: 'cumulative', from: '2022-05-16', to: '2022-05-17' });
    assert.match(r.dating.note ?? '', /gives no year/);
  });

  test('a date passed in wins over the text, and so does the page metadata', () => {
    const given = extractReport({ text: `May 17, 2022 — ${STORY}`, published: '2022-05-20' });
    assert.deepEqual([given.published, given.dating.source], ['2022-05-20', 'given']);
    const page = extractReport({
      html: `<html><head><meta property="article:published_time" content="2022-05-19T08:00:00Z"></head><body><article><p>May 17, 2022 — ${STORY}</p><p>The figure was confirmed by the Red Cross, which registered every person who left.</p></article></body></html>`,
    });
    assert.deepEqual([page.published, page.dating.source], ['2022-05-19', 'page']);
  });

  test('without any date, windows stay open and keep their time words', () => {
    const r = extractReport({
      text: 'In the last 24 hours, 100 fighters surrendered. Since Monday, 300 have surrendered in total. On May 10, 2022, 12 were wounded.',
    });
    assert.equal(r.published, null);
    assert.deepEqual(
      r.figures.map((f) => [f.count, f.window.kind, f.window.from, f.window.to, f.relative]),
      [
        [100, 'period', null, null, 'In the last 24 hours'],
        [300, 'cumulative', null, null, 'Since Monday, in total'],
        [12, 'period', '2022-05-10', '2022-05-10', null],
      ],
    );
  });
});
