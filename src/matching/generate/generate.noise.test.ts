import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { transliterate } from '../names/index.js';
import {
  STYLES,
  STYLE_ORDER,
  generate,
  generatePopulation,
  parseFormattedDate,
  renderSource,
  resolveStyle,
} from './index.js';
import type { NoiseSettings, Person, SourceRecord, StyleName } from './index.js';

const TOLERANCE = 0.03;
const population = generatePopulation({ persons: 3000, seed: 77 });
const byId = new Map(population.map((p) => [p.id, p]));

/** Renders one style with some settings overridden and the other name errors switched off. */
function render(
  style: StyleName,
  noise: Partial<NoiseSettings>,
): { person: Person; cell: (h: string) => string }[] {
  const quiet = { typo: 0, diminutive: 0, initials: 0, swappedOrder: 0, duplicate: 0, coverage: 1 };
  const resolved = resolveStyle(0, { style, noise: { ...quiet, ...noise } });
  const header = resolved.columns.map((c) => c.header);
  const records: SourceRecord[] = [...renderSource(population, 0, { seed: 5, style: resolved })];
  return records.map((r) => ({
    person: byId.get(r.personId) as Person,
    cell: (h: string) => r.values[header.indexOf(h)] ?? '',
  }));
}

const share = <T>(items: readonly T[], pred: (x: T) => boolean): number =>
  items.filter(pred).length / Math.max(1, items.length);

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= TOLERANCE, `${what}: ${actual.toFixed(3)} vs ${expected}`);
}

describe('generate: noise rates follow their settings', () => {
  test('typos in Cyrillic and in romanised names', () => {
    const ua = render('ua-official', { typo: 0.2 });
    near(
      share(ua, (r) => r.cell('Прізвище') !== r.person.familyName.toUpperCase()),
      0.2,
      'ua family',
    );
    near(
      share(ua, (r) => r.cell("Ім'я") !== r.person.givenName),
      0.2,
      'ua given',
    );
    const icrc = render('icrc', { typo: 0.2, russianForms: 0 });
    const romanised = (p: Person): string =>
      transliterate(p.familyName, 'ua-national-2010', 'uk').toUpperCase();
    near(
      share(icrc, (r) => r.cell('FAMILY NAME') !== romanised(r.person)),
      0.2,
      'icrc family',
    );
  });

  test('short forms, initials and exchanged names', () => {
    const short = render('ua-official', { diminutive: 0.25 });
    near(
      share(short, (r) => r.cell("Ім'я") !== r.person.givenName),
      0.25,
      'short forms',
    );
    const initials = render('ua-official', { initials: 0.2 });
    near(
      share(initials, (r) => /^.\.$/u.test(r.cell("Ім'я"))),
      0.2,
      'initials',
    );
    const swapped = render('ua-official', { swappedOrder: 0.2 });
    near(
      share(swapped, (r) => r.cell('Прізвище') === r.person.givenName),
      0.2,
      'exchanged',
    );
  });

  test('day and month exchanged where the date allows it', () => {
    const rows = render('ua-official', {
      dayMonthSwap: 0.3,
      yearOnly: 0,
      missing: {},
      dateFormats: { 'dmy-dot': 1 },
    });
    const eligible = rows.filter(
      (r) => r.person.birthDate.day <= 12 && r.person.birthDate.day !== r.person.birthDate.month,
    );
    const swapped = eligible.filter((r) => {
      const d = parseFormattedDate(r.cell('Дата народження'), 'dmy-dot');
      return d !== null && d.month === r.person.birthDate.day && d.day === r.person.birthDate.month;
    });
    near(swapped.length / eligible.length, 0.3, 'day/month swap');
    const others = rows.filter((r) => !eligible.includes(r));
    assert.ok(
      others.every(
        (r) => parseFormattedDate(r.cell('Дата народження'), 'dmy-dot')?.day === r.person.birthDate.day,
      ),
    );
  });

  const data = generate({ persons: 3000, sources: STYLE_ORDER.length, seed: 31 });
  const personOf = new Map<string, Person>();
  const dataById = new Map(data.population.map((p) => [p.id, p]));
  for (const t of data.truth) personOf.set(t.recordId, dataById.get(t.personId) as Person);

  test('coverage and repeated listing per source', () => {
    for (const source of data.sources) {
      const noise = STYLES[source.style].noise;
      const persons = source.rows.map((r) => personOf.get(r.record_id ?? '')?.id);
      const distinct = new Set(persons).size;
      near(distinct / data.population.length, noise.coverage, `${source.name} coverage`);
      near((persons.length - distinct) / distinct, noise.duplicate, `${source.name} repeats`);
    }
  });

  test('empty cells at each source-typical rate', () => {
    const military = new Set(['rank', 'unit', 'service_number']);
    for (const source of data.sources) {
      const noise = STYLES[source.style].noise;
      for (const [field, rate] of Object.entries(noise.missing)) {
        const column = source.fields[field as keyof typeof source.fields];
        if (!column || field === 'date_of_birth' || field === 'event_date') continue;
        const rows = source.rows.filter(
          (r) => !military.has(field) || personOf.get(r.record_id ?? '')?.category === 'military',
        );
        near(
          share(rows, (r) => r[column] === ''),
          rate,
          `${source.name} ${field}`,
        );
      }
    }
  });

  test('birth data: ages, missing, years alone and date formats', () => {
    for (const source of data.sources) {
      const noise = STYLES[source.style].noise;
      const dob = source.fields.date_of_birth as string;
      const age = source.fields.age;
      const ages = age ? share(source.rows, (r) => r[age] !== '') : 0;
      near(ages, noise.ageInsteadOfDate, `${source.name} ages`);
      const none = share(source.rows, (r) => r[dob] === '' && (!age || r[age] === ''));
      near(none, noise.missing.date_of_birth ?? 0, `${source.name} no birth data`);
      const dated = source.rows.filter((r) => r[dob] !== '');
      near(
        share(dated, (r) => /^\d{4}$/.test(r[dob] ?? '')),
        noise.yearOnly,
        `${source.name} year only`,
      );
      const full = dated.filter((r) => (r[dob] ?? '').length > 4);
      const iso = share(full, (r) => /^\d{4}-\d{2}-\d{2}$/.test(r[dob] ?? ''));
      near(iso, noise.dateFormats.iso ?? 0, `${source.name} ISO dates`);
    }
  });
});
