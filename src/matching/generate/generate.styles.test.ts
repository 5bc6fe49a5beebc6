import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { transliterate } from '../names/index.js';
import { STYLE_ORDER, ageAt, generate } from './index.js';
import type { GeneratedSource, Person, StyleName } from './index.js';

const data = generate({ persons: 2500, sources: STYLE_ORDER.length, seed: 2024 });
const personOf = new Map<string, Person>();
{
  const byId = new Map(data.population.map((p) => [p.id, p]));
  for (const t of data.truth) personOf.set(t.recordId, byId.get(t.personId) as Person);
}

function source(style: StyleName): GeneratedSource {
  const s = data.sources.find((x) => x.style === style);
  assert.ok(s, style);
  return s;
}

/** Rows of a source with the true person and the cell of one field type. */
function cells(
  style: StyleName,
  field: keyof GeneratedSource['fields'],
): { person: Person; value: string }[] {
  const s = source(style);
  const column = s.fields[field];
  assert.ok(column, `${style} has no ${field} column`);
  return s.rows.map((r) => ({ person: personOf.get(r.record_id ?? '') as Person, value: r[column] ?? '' }));
}

const share = <T>(items: readonly T[], pred: (x: T) => boolean): number =>
  items.filter(pred).length / Math.max(1, items.length);

const CYRILLIC_NAME = /^[\p{Script=Cyrillic}'’.\- ]+$/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_STYLES: { style: StyleName; convention: Parameters<typeof transliterate>[1]; upper: boolean }[] =
  [
    { style: 'icrc', convention: 'ua-national-2010', upper: true },
    { style: 'de-press', convention: 'german', upper: false },
    { style: 'fr-press', convention: 'french', upper: false },
    { style: 'pl-press', convention: 'polish', upper: false },
  ];

describe('generate: source styles', () => {
  test('sources take the styles in order and write the headers such sources use', () => {
    assert.deepEqual(
      data.sources.map((s) => s.style),
      [...STYLE_ORDER],
    );
    const headers: [StyleName, string[]][] = [
      ['ua-official', ['Прізвище', "Ім'я", 'По батькові', 'Дата народження']],
      ['ru-official', ['Фамилия', 'Имя', 'Отчество', 'Дата рождения']],
      ['de-press', ['Nachname', 'Vorname', 'Geburtsdatum']],
      ['en-press', ['Name', 'DOB', 'Age']],
    ];
    for (const [style, expected] of headers)
      for (const h of expected) assert.ok(source(style).header.includes(h), `${style}: ${h}`);
  });

  test('Cyrillic sources write names in Cyrillic; the Ukrainian list writes surnames in capitals', () => {
    for (const style of ['ua-official', 'ru-official'] as const) {
      for (const field of ['family_name', 'given_name', 'patronymic'] as const) {
        const filled = cells(style, field).filter((c) => c.value !== '');
        assert.ok(share(filled, (c) => CYRILLIC_NAME.test(c.value)) === 1, `${style} ${field}`);
      }
    }
    const family = cells('ua-official', 'family_name');
    assert.ok(share(family, (c) => c.value === c.value.toUpperCase()) > 0.97);
  });

  test('the Russian list uses Russian forms of given names and patronymics', () => {
    const given = cells('ru-official', 'given_name');
    const patronymic = cells('ru-official', 'patronymic');
    const table: [Person['givenName' | 'patronymic'], string, typeof given][] = [
      ['Володимир', 'Владимир', given],
      ['Олександр', 'Александр', given],
      ['Андрій', 'Андрей', given],
      ['Миколайович', 'Николаевич', patronymic],
      ['Олександрович', 'Александрович', patronymic],
    ];
    for (const [uk, ru, column] of table) {
      const rows = column.filter((c) => c.person.givenName === uk || c.person.patronymic === uk);
      assert.ok(rows.length >= 10, `too few ${uk} to judge`);
      assert.ok(share(rows, (c) => c.value === ru) > 0.75, `${uk} → ${ru}`);
    }
    assert.ok(
      share(given, (c) => /[іїєґ]/i.test(c.value)) < 0.08,
      'Ukrainian letters are rare in Russian given names',
    );
  });

  test('the Russian list often respells surnames the Russian way, and leaves some unchanged', () => {
    const adjectival = cells('ru-official', 'family_name').filter((c) =>
      /ськ(ий|а)$/.test(c.person.familyName),
    );
    assert.ok(adjectival.length >= 10);
    const russified = share(adjectival, (c) => /ск(ий|ая)$/i.test(c.value));
    assert.ok(russified > 0.4 && russified < 0.95, `share -ский ${russified}`);
    const withI = cells('ru-official', 'family_name').filter((c) => c.person.familyName.includes('і'));
    const kept = share(withI, (c) => /і/i.test(c.value));
    assert.ok(kept > 0.1 && kept < 0.6, `share keeping і ${kept}`);
  });

  test('Latin sources romanise by their convention and write no patronymic', () => {
    for (const { style, convention, upper } of LATIN_STYLES) {
      assert.equal(source(style).fields.patronymic, undefined, style);
      const family = cells(style, 'family_name').filter((c) => c.value !== '');
      assert.ok(share(family, (c) => !HAS_CYRILLIC.test(c.value)) === 1, style);
      const expected = (p: Person): string => {
        const s = transliterate(p.familyName, convention, 'uk');
        return upper ? s.toUpperCase() : s;
      };
      assert.ok(share(family, (c) => c.value === expected(c.person)) > 0.75, `${style} by ${convention}`);
    }
    const names = cells('en-press', 'full_name');
    const popular = (p: Person): string => transliterate(p.familyName, 'english-popular', 'uk').toLowerCase();
    assert.ok(share(names, (c) => !HAS_CYRILLIC.test(c.value)) === 1);
    assert.ok(share(names, (c) => c.value.toLowerCase().includes(popular(c.person))) > 0.75);
  });

  test('sources with an age column give ages at the capture date instead of some birth dates', () => {
    for (const style of ['icrc', 'de-press', 'en-press'] as const) {
      const s = source(style);
      const ages = s.rows.filter((r) => (r[s.fields.age as string] ?? '') !== '');
      assert.ok(ages.length > 0, style);
      for (const row of ages) {
        const person = personOf.get(row.record_id ?? '') as Person;
        assert.equal(row[s.fields.date_of_birth as string], '');
        assert.notEqual(row[s.fields.age_as_of as string], '', 'an age comes with its date');
        const age = Number((row[s.fields.age as string] ?? '').replace(/^aged /, ''));
        assert.equal(age, ageAt(person.birthDate, person.eventDate));
      }
    }
  });

  test('each source writes dates in its own main format', () => {
    const formats: [StyleName, RegExp][] = [
      ['ua-official', /^\d{2}\.\d{2}\.\d{4}$/],
      ['fr-press', /^\d{2}\/\d{2}\/\d{4}$/],
      ['icrc', /^\d{4}-\d{2}-\d{2}$/],
    ];
    for (const [style, pattern] of formats) {
      const full = cells(style, 'date_of_birth').filter((c) => c.value.length > 4);
      assert.ok(share(full, (c) => pattern.test(c.value)) > 0.5, style);
    }
    const us = cells('en-press', 'date_of_birth').filter((c) => /^\d{2}\/\d{2}\/\d{4}$/.test(c.value));
    const monthFirst = (c: (typeof us)[number]): boolean =>
      Number(c.value.slice(0, 2)) === c.person.birthDate.month &&
      Number(c.value.slice(3, 5)) === c.person.birthDate.day;
    assert.ok(us.length > 0 && share(us, monthFirst) > 0.9, 'English press writes MM/DD/YYYY');
  });
});
