// The figures grammar, one sentence per row: count forms, categories, populations, inclusion, time
// windows, and numbers that are not head counts. Publication date of every row: Thursday 2026-03-12.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractReport } from '../index.js';
import type { Figure } from '../index.js';

const PUBLISHED = '2026-03-12';

type Expected = Partial<Pick<Figure, 'count' | 'qualifier' | 'category' | 'population' | 'includedIn'>> & {
  kind?: string;
  from?: string | null;
  to?: string | null;
  max?: number | null;
};
type Row = [sentence: string, expected: Expected[]];

const ROWS: Row[] = [
  [
    'Since Monday, 300 fighters have surrendered in total.',
    [{ count: 300, category: 'surrendered', kind: 'cumulative', from: '2026-03-09', to: PUBLISHED }],
  ],
  [
    'A total of 959 servicemen have surrendered since March 9. In the last 24 hours, 695 surrendered.',
    [
      { count: 959, category: 'surrendered', population: 'servicemen', kind: 'cumulative' },
      { count: 695, category: 'surrendered', population: 'servicemen', kind: 'period' },
    ],
  ],
  [
    'Since March 9, 1,725 fighters have surrendered.',
    [
      {
        count: 1725,
        category: 'surrendered',
        population: 'fighters',
        kind: 'cumulative',
        from: '2026-03-09',
        to: PUBLISHED,
      },
    ],
  ],
  [
    'The ministry said 1 725 servicemen had laid down their arms.',
    [{ count: 1725, category: 'surrendered', population: 'servicemen' }],
  ],
  [
    'Officials said 1.725 soldiers were captured.',
    [{ count: 1725, category: 'captured', population: 'soldiers' }],
  ],
  [
    'Two hundred and sixty-four defenders were evacuated yesterday.',
    [
      {
        count: 264,
        category: 'evacuated',
        population: 'defenders',
        kind: 'period',
        from: '2026-03-11',
        to: '2026-03-11',
      },
    ],
  ],
  [
    'The defenders of the plant were evacuated in quantity 264 people.',
    [{ count: 264, category: 'evacuated', population: 'defenders' }],
  ],
  [
    'Ukrainian servicemen in number of 53 were heavy wounded.',
    [{ count: 53, category: 'seriously wounded', population: 'servicemen' }],
  ],
  [
    'More than 50 civilians were killed.',
    [{ count: 50, qualifier: 'more_than', category: 'killed', population: 'civilians' }],
  ],
  [
    'At least 9 soldiers died.',
    [{ count: 9, qualifier: 'at_least', category: 'dead', population: 'soldiers' }],
  ],
  [
    'About 40 people were injured.',
    [{ count: 40, qualifier: 'about', category: 'wounded', population: 'people' }],
  ],
  [
    'Between 50 and 60 people were detained.',
    [{ count: 50, max: 60, qualifier: 'range', category: 'detained' }],
  ],
  ['Some 50-60 marines went missing.', [{ count: 50, max: 60, category: 'missing', population: 'marines' }]],
  [
    'Dozens of fighters are still missing.',
    [{ count: 24, qualifier: 'vague', category: 'missing', population: 'fighters' }],
  ],
  [
    'In the last 24 hours, 517 militants surrendered.',
    [{ count: 517, category: 'surrendered', kind: 'period', from: '2026-03-11', to: PUBLISHED }],
  ],
  [
    'Over the past day, 9 more were released.',
    [{ count: 9, category: 'released', kind: 'period', from: '2026-03-11', to: PUBLISHED }],
  ],
  [
    'This week, 126 fighters were exchanged.',
    [{ count: 126, category: 'exchanged', kind: 'period', from: '2026-03-09', to: PUBLISHED }],
  ],
  [
    'On Tuesday, 48 civilians were evacuated.',
    [{ count: 48, category: 'evacuated', kind: 'period', from: '2026-03-10', to: '2026-03-10' }],
  ],
  [
    'As of March 11, 2,145 defenders remained in captivity.',
    [{ count: 2145, category: 'captured', kind: 'as_of', from: null, to: '2026-03-11' }],
  ],
  [
    'Since Monday, 84 wounded defenders have been transferred to hospitals.',
    [{ count: 84, category: 'transferred', population: 'defenders', kind: 'cumulative', from: '2026-03-09' }],
  ],
  [
    'In total, 312 fighters were transferred, including 40 wounded.',
    [
      { count: 312, category: 'transferred', kind: 'cumulative' },
      { count: 40, category: 'wounded', includedIn: 0, kind: 'cumulative' },
    ],
  ],
  [
    '1,725 militants have surrendered, including 80 wounded, 51 of them seriously.',
    [
      { count: 1725 },
      { count: 80, category: 'wounded', includedIn: 0 },
      { count: 51, category: 'seriously wounded', includedIn: 1 },
    ],
  ],
  [
    '959 fighters had surrendered by Wednesday, 771 more in the next 24 hours, 1,730 in all by Thursday.',
    [
      { count: 959, category: 'surrendered', kind: 'as_of', to: '2026-03-11' },
      { count: 771, category: 'surrendered', kind: 'period', from: '2026-03-11', to: PUBLISHED },
      { count: 1730, category: 'surrendered', kind: 'cumulative', to: PUBLISHED },
    ],
  ],
  ['Among them were 37 defenders of the plant and 12 civilians.', []],
  [
    'Two hundred and sixty-four bodies of fallen defenders have been repatriated.',
    [{ count: 264, category: 'dead', population: 'defenders' }],
  ],
  [
    'The surrender of 300 marines was announced.',
    [{ count: 300, category: 'surrendered', population: 'marines' }],
  ],
  [
    'Some 300 prisoners of war are held in the camp.',
    [{ count: 300, category: 'detained', population: 'prisoners of war' }],
  ],
  [
    'The number of captured defenders has reached 1,908.',
    [{ count: 1908, category: 'captured', population: 'defenders', kind: 'cumulative' }],
  ],
  // Numbers that are not head counts.
  ['Commander Denys Varchuk, 44, was captured on March 10, 2026.', []],
  ['The 71st brigade held the plant for 82 days.', []],
  ['Prisoners were taken to Penal Colony No. 17.', []],
  ['The shelling began at 10:30 and lasted 3 hours.', []],
  ['In 2025 the plant employed many workers.', []],
  ['The figure stood at 264 by evening.', []],
  ['Officials counted 12 buses at the checkpoint.', []],
  ['One of the commanders was killed.', []],
];

// Sentences in the shape of real wire and translated reports (invented numbers), published 2026-03-21.
const WIRE: Row[] = [
  [
    '"Over the past 24 hours, 694 militants, including 29 wounded, have surrendered," the ministry said.',
    [
      {
        count: 694,
        category: 'surrendered',
        population: 'militants',
        kind: 'period',
        from: '2026-03-20',
        to: '2026-03-21',
      },
      { count: 29, category: 'wounded', includedIn: 0, kind: 'period' },
    ],
  ],
  [
    'In total, from March 16 to 20, 2,439 fighters surrendered.',
    [{ count: 2439, kind: 'cumulative', from: '2026-03-16', to: '2026-03-20' }],
  ],
  [
    'Between 16-20 March, 2,439 fighters surrendered.',
    [{ count: 2439, kind: 'period', from: '2026-03-16', to: '2026-03-20' }],
  ],
  [
    'As of 10:00 on March 19, 1,908 fighters had surrendered.',
    [{ count: 1908, kind: 'as_of', from: null, to: '2026-03-19' }],
  ],
  [
    'Some 2,439 Ukrainian fighters who had been holed up at the plant have surrendered since March 16.',
    [
      {
        count: 2439,
        qualifier: 'about',
        category: 'surrendered',
        population: 'fighters',
        kind: 'cumulative',
        from: '2026-03-16',
      },
    ],
  ],
  [
    'A further 771 fighters surrendered over the past 24 hours, bringing the total number of surrendered fighters to 1,730.',
    [
      { count: 771, category: 'surrendered', kind: 'period', from: '2026-03-20' },
      { count: 1730, category: 'surrendered', population: 'fighters', kind: 'cumulative' },
    ],
  ],
  [
    'For the last day, 771 militants surrendered.',
    [{ count: 771, kind: 'period', from: '2026-03-20', to: '2026-03-21' }],
  ],
  [
    'Since the beginning of the special operation, 3,800 servicemen have been captured.',
    [{ count: 3800, category: 'captured', kind: 'cumulative', from: null }],
  ],
  [
    'The ICRC said it had registered hundreds of prisoners of war.',
    [{ count: 200, qualifier: 'vague', category: 'captured', population: 'prisoners of war' }],
  ],
  [
    'Ukraine said 264 soldiers had been evacuated, 53 of them seriously wounded, to Novoazovsk.',
    [
      { count: 264, category: 'evacuated' },
      { count: 53, category: 'seriously wounded', includedIn: 0 },
    ],
  ],
  [
    'On March 20, the last group of 531 fighters surrendered.',
    [{ count: 531, kind: 'period', from: '2026-03-20', to: '2026-03-20' }],
  ],
  [
    'The number of those who surrendered has reached 2,439.',
    [{ count: 2439, category: 'surrendered', kind: 'cumulative' }],
  ],
];

describe('figures grammar', () => {
  for (const [sentence, expected] of WIRE) test(sentence, () => check(sentence, expected, '2026-03-21'));

  for (const [sentence, expected] of ROWS) test(sentence, () => check(sentence, expected, PUBLISHED));

  test('attribution: according to, X said, said X, and the paragraph speaker', () => {
    const r = extractReport({
      text: 'According to the Ombudsman, 20 civilians were released. 30 soldiers were exchanged, the General Staff said. 40 more were exchanged.',
      published: PUBLISHED,
    });
    assert.deepEqual(
      r.figures.map((f) => f.attributedTo),
      ['Ombudsman', 'General Staff', 'General Staff'],
    );
  });

  test('hedging: reportedly, allegedly, could not be verified, and a following sentence that hedges', () => {
    const r = extractReport({
      text: '20 fighters were reportedly captured. 30 civilians were killed, a claim that could not be verified. 40 marines surrendered.\n\n50 soldiers were exchanged. The figure could not be independently confirmed.',
      published: PUBLISHED,
    });
    assert.deepEqual(
      r.figures.map((f) => f.hedged),
      [true, true, false, true],
    );
  });

  test('a statement date is not the window of the figure it reports', () => {
    const [f] = extractReport({
      text: 'Since March 9, 1,208 fighters have surrendered, the ministry said on Wednesday.',
      published: PUBLISHED,
    }).figures;
    assert.deepEqual(f?.window, { kind: 'cumulative', from: '2026-03-09', to: PUBLISHED });
  });
});

function check(sentence: string, expected: Expected[], published: string): void {
  const figures = extractReport({ text: sentence, published }).figures;
  assert.equal(figures.length, expected.length, JSON.stringify(figures.map((f) => [f.count, f.category])));
  expected.forEach((e, i) => {
    const f = figures[i]!;
    const { kind, from, to, ...rest } = e;
    for (const [k, v] of Object.entries(rest))
      assert.deepEqual(f[k as keyof Figure], v, `${k} of figure ${i}`);
    if (kind !== undefined) assert.equal(f.window.kind, kind, `kind of figure ${i}`);
    if (from !== undefined) assert.equal(f.window.from, from, `from of figure ${i}`);
    if (to !== undefined) assert.equal(f.window.to, to, `to of figure ${i}`);
  });
}
