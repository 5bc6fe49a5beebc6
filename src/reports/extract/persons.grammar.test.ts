// Person mentions, one short story per row: name, age, rank, role, unit, side and reported statuses.
// Publication date of every row: Saturday 2026-03-14.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractReport } from '../index.js';
import type { PersonMention } from '../index.js';

const PUBLISHED = '2026-03-14';

type Expect = Partial<Omit<PersonMention, 'statuses'>> & {
  statuses?: Partial<PersonMention['statuses'][number]>[];
};

const ROWS: [string, Expect[]][] = [
  [
    'Lieutenant Colonel Denys Varchuk, 44, commander of the 71st Riverine Brigade, reportedly surrendered on Tuesday.',
    [
      {
        name: 'Denys Varchuk',
        age: 44,
        rank: 'lieutenant colonel',
        role: 'commander',
        unit: '71st Riverine Brigade',
        statuses: [{ type: 'surrendered', date: '2026-03-10', hedged: true }],
      },
    ],
  ],
  [
    'Commander of brigade lieutenant colonel Denis Vartchuk (44) was taken prisoner.',
    [
      {
        name: 'Denis Vartchuk',
        age: 44,
        rank: 'lieutenant colonel',
        role: 'commander',
        statuses: [{ type: 'captured' }],
      },
    ],
  ],
  [
    'A 29-year-old medic, Sergeant Iryna Bondar, was wounded at the steelworks.',
    [
      {
        name: 'Iryna Bondar',
        age: 29,
        rank: 'sergeant',
        statuses: [{ type: 'wounded', place: 'steelworks' }],
      },
    ],
  ],
  [
    'Marine Pavlo Shevchuk, aged 31, was seriously wounded. He was taken to a hospital in Novolymanske on March 11.',
    [
      {
        name: 'Pavlo Shevchuk',
        age: 31,
        role: 'marine',
        statuses: [
          { type: 'seriously wounded' },
          { type: 'transferred', date: '2026-03-11', place: 'hospital in Novolymanske' },
        ],
      },
    ],
  ],
  [
    'Captain Roman Hrytsenko (37), deputy commander of the 71st Riverine Brigade, is missing.',
    [
      {
        name: 'Roman Hrytsenko',
        age: 37,
        rank: 'captain',
        role: 'deputy commander',
        unit: '71st Riverine Brigade',
        statuses: [{ type: 'missing', hedged: false }],
      },
    ],
  ],
  [
    'Ukrainian commander Oleh Tkachuk was captured on Wednesday. The ministry declined to comment on his fate.',
    [
      {
        name: 'Oleh Tkachuk',
        side: 'Ukrainian',
        role: 'commander',
        statuses: [{ type: 'captured', date: '2026-03-11', hedged: true }],
      },
    ],
  ],
  [
    'Junior Sergeant Maksym Kravets, 23, of the Chaika battalion was released in an exchange. Kravets is now at home.',
    [
      {
        name: 'Maksym Kravets',
        age: 23,
        rank: 'junior sergeant',
        unit: 'Chaika battalion',
        statuses: [{ type: 'released' }],
      },
    ],
  ],
  [
    'Denys Varchuk surrendered. Later, Denis Vartchuk was transferred to Zarichne.',
    [
      {
        name: 'Denys Varchuk',
        variants: ['Denis Vartchuk'],
        statuses: [{ type: 'surrendered' }, { type: 'transferred', place: 'Zarichne' }],
      },
    ],
  ],
  [
    'Olena Kravets and her son Maksym Kravets spoke to reporters.',
    [{ name: 'Olena Kravets' }, { name: 'Maksym Kravets' }],
  ],
  [
    'Serhiy Volynets, commander of the 58th Marine Brigade, said he was still inside the plant.',
    [{ name: 'Serhiy Volynets', role: 'commander', unit: '58th Marine Brigade', rank: null }],
  ],
  [
    'The wife of a marine, Kateryna Tarasenko, 27, said her husband was captured on Tuesday.',
    [{ name: 'Kateryna Tarasenko', age: 27, role: 'wife', statuses: [] }],
  ],
  [
    'Lt. Col. Ivan Hlushko, 41, was reportedly taken to a detention centre in Zarichne.',
    [
      {
        name: 'Ivan Hlushko',
        age: 41,
        rank: 'lieutenant colonel',
        statuses: [{ type: 'transferred', place: 'detention centre in Zarichne', hedged: true }],
      },
    ],
  ],
  [
    'Senior Lieutenant Viktor Pasichnyk (25), a platoon commander, died of his wounds on March 12.',
    [
      {
        name: 'Viktor Pasichnyk',
        age: 25,
        rank: 'senior lieutenant',
        role: 'platoon commander',
        statuses: [{ type: 'dead', date: '2026-03-12' }],
      },
    ],
  ],
  [
    'Private Andriy Moroz, aged 19, went missing near Brovarske on March 2; his fate remains unknown.',
    [
      {
        name: 'Andriy Moroz',
        age: 19,
        rank: 'private',
        statuses: [{ type: 'missing', date: '2026-03-02', place: 'Brovarske' }],
      },
    ],
  ],
  [
    'Her son Bohdan Kuzmenko, 22, is held in Penal Colony No. 17. Kuzmenko was exchanged on Friday.',
    [
      {
        name: 'Bohdan Kuzmenko',
        age: 22,
        statuses: [
          { type: 'detained', place: 'Penal Colony No. 17' },
          { type: 'exchanged', date: '2026-03-13' },
        ],
      },
    ],
  ],
  ['The Brovarske Iron and Steel Works and the Ministry of Defence were named.', []],
  ['General Staff officials said Zarichne was shelled.', []],
];

describe('person mentions', () => {
  for (const [text, expected] of ROWS) {
    test(text, () => {
      const persons = extractReport({ text, published: PUBLISHED }).persons;
      assert.deepEqual(
        persons.map((p) => p.name),
        expected.map((e) => e.name),
      );
      expected.forEach((e, i) => {
        const p = persons[i]!;
        const { statuses, ...rest } = e;
        for (const [k, v] of Object.entries(rest))
          assert.deepEqual(p[k as keyof PersonMention], v, `${k} of ${p.name}`);
        if (statuses) {
          assert.equal(p.statuses.length, statuses.length, JSON.stringify(p.statuses));
          statuses.forEach((s, j) => {
            for (const [k, v] of Object.entries(s))
              assert.deepEqual(p.statuses[j]![k as keyof typeof s], v, `${k} of status ${j}`);
          });
        }
      });
    });
  }

  test('authors are metadata, never people in the story', () => {
    const r = extractReport({
      text: 'By Marta Lisnyk\n\nMarta Lisnyk said 20 soldiers were exchanged on Monday.\n\nMarta Lisnyk is a correspondent for the Herald.',
      published: PUBLISHED,
    });
    assert.deepEqual(r.authors, ['Marta Lisnyk']);
    assert.deepEqual(r.persons, []);
  });
});
