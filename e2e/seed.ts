/**
 * Seed data for the browser suites, registered through the app's use cases: invented persons in
 * Ukrainian Cyrillic and in Latin script, sources that disagree (a conflict), places, and a
 * timeline with a retracted event.
 */
import type { App } from '../src/app/index.js';
import type { Actor } from '../src/domain/index.js';

/** What the suites look for. */
export interface Seeded {
  readonly kovalchukId: string;
  readonly listId: string;
  readonly pressId: string;
  /** Every name written into the registry (for the "analyst sees no name" check). */
  readonly names: string[];
}

const OTHERS: [string, string, string][] = [
  ['Шевченко', 'Олена', 'Шевченко Олена Іванівна'],
  ['Бондаренко', 'Іван', 'Бондаренко Іван Миколайович'],
  ['Melnyk', 'Taras', 'Мельник Тарас'],
  ['Lysenko', 'Oleh', 'Лисенко Олег'],
];

/** Registers the seed persons; `officer` must be allowed to write. */
export async function seed(app: App, officer: Actor): Promise<Seeded> {
  const list = await app.sources.create(officer, {
    kind: 'list',
    title: 'Transfer list 12',
    reliability: 'B',
    published: '2022-05-20',
    language: 'uk',
  });
  const press = await app.sources.create(officer, {
    kind: 'report',
    title: 'Regional news item',
    reliability: 'D',
    language: 'en',
  });
  const colony = await app.places.create(officer, {
    name: 'Olenivka',
    kind: 'detention_site',
    variants: ['Оленівка', 'Olenovka'],
  });
  await app.places.create(officer, {
    name: 'Novoazovsk hospital',
    kind: 'hospital',
    variants: ['Новоазовськ'],
  });
  const k = await app.persons.register(officer, {
    sourceId: list.id,
    claims: [
      { field: 'family_name', value: 'Ковальчук', confidence: 'probable' },
      { field: 'given_name', value: 'Андрій', confidence: 'probable' },
      { field: 'patronymic', value: 'Петрович' },
      { field: 'name_original', value: 'Ковальчук Андрій Петрович' },
      { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 }, confidence: 'probable' },
      { field: 'rank', value: 'сержант' },
    ],
    events: [
      {
        kind: 'captured',
        date: { year: 2022, month: 5, day: 17 },
        placeText: 'Azovstal',
        confidence: 'probable',
      },
      { kind: 'interned', date: { year: 2022, month: 5, day: 20 }, placeId: colony.id },
      { kind: 'died', date: { year: 2022, month: 7 }, confidence: 'unconfirmed' },
    ],
  });
  // A second source disagrees on the date of birth: the person page must show both.
  await app.persons.addClaim(officer, k.person.id, {
    sourceId: press.id,
    claim: { field: 'date_of_birth', value: { year: 1993, month: 3, day: 5 }, confidence: 'unconfirmed' },
  });
  const died = k.eventIds[2]!;
  await app.persons.retractEvent(officer, k.person.id, died, { reason: 'The report named another man' });
  const names = ['Ковальчук', 'Андрій', 'Петрович'];
  for (const [family, given, original] of OTHERS) {
    await app.persons.register(officer, {
      sourceId: list.id,
      claims: [
        { field: 'family_name', value: family },
        { field: 'given_name', value: given },
        { field: 'name_original', value: original },
      ],
      events: [{ kind: 'captured', date: { year: 2022, month: 4 } }],
    });
    names.push(family, given);
  }
  return { kovalchukId: k.person.id, listId: list.id, pressId: press.id, names };
}
