/**
 * The true population. Person i is a pure function of (seed, i), so a run of a million persons can
 * rebuild them on demand instead of holding them. Some odd-numbered persons are made to look like
 * the even-numbered person before them (a sibling or a namesake) so that matching meets
 * near-duplicates that are NOT the same person.
 */
import { DomainError } from '../../domain/errors.js';
import {
  OBLASTS,
  RANKS,
  SERVICE_LETTERS,
  SURNAMES,
  UNIT_KINDS,
  VILLAGES,
  VILLAGE_SHARE,
  birthTowns,
  eventTowns,
  femaleNames,
  maleNames,
  ranks,
  surnames,
  unitKinds,
} from './data.js';
import type { GivenName } from './data.js';
import { dayNumber, fromDayNumber } from './dates.js';
import { feminineSurname, ukrainianPatronymic } from './name-forms.js';
import { Rng } from './prng.js';
import type { Person, PlaceRef, PopulationLike, UnitRef } from './types.js';

const PERSON_STREAM = 0x70657273;
/** Shares of the whole population that are siblings or namesakes of the person before them. */
export const SIBLING_SHARE = 0.03;
export const NAMESAKE_SHARE = 0.02;
const MILITARY_SHARE = 0.8;
/** Share of women with a double surname. */
const DOUBLE_SURNAME_SHARE = 0.03;
const FIRST_EVENT_DAY = dayNumber({ year: 2022, month: 2, day: 24 });
const LAST_EVENT_DAY = dayNumber({ year: 2024, month: 12, day: 31 });
const SPRING_2022 = [
  dayNumber({ year: 2022, month: 3, day: 1 }),
  dayNumber({ year: 2022, month: 6, day: 30 }),
];

/** A person before rendering, with what relatives inherit: the masculine surname and the father. */
interface Draft {
  person: Person;
  surname: string;
  father: GivenName;
}

/** The population's options: how many persons, and the seed that decides everything. */
export interface PopulationOptions {
  readonly persons: number;
  readonly seed: number;
}

/** Checks counts and seeds; throws INPUT_INVALID naming the option. */
export function checkCount(name: string, value: number, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new DomainError('INPUT_INVALID', `${name} must be an integer of at least ${min}, got ${value}`, {
      issues: [{ path: name, message: `expected an integer >= ${min}` }],
    });
}

/** The person at `index` (0-based) of the population of `seed`. */
export function personAt(seed: number, index: number): Person {
  return draftAt(seed >>> 0, index).person;
}

/** A population that rebuilds each person when asked, holding nothing. */
export function lazyPopulation(options: PopulationOptions): PopulationLike {
  checkCount('persons', options.persons);
  const seed = options.seed >>> 0;
  return { size: options.persons, at: (i) => draftAt(seed, i).person };
}

/** The whole population in memory: the truth that the sources describe. */
export function generatePopulation(options: PopulationOptions): Person[] {
  const population = lazyPopulation(options);
  return Array.from({ length: population.size }, (_, i) => population.at(i));
}

function draftAt(seed: number, index: number): Draft {
  const rng = Rng.of(seed, PERSON_STREAM, index);
  if (index % 2 === 1) {
    // Only odd persons lean on the even one before them, so no chain of likenesses forms.
    const roll = rng.next() * 0.5;
    if (roll < SIBLING_SHARE) return siblingOf(draftAt(seed, index - 1), rng, index);
    if (roll < SIBLING_SHARE + NAMESAKE_SHARE) return namesakeOf(draftAt(seed, index - 1), rng, index);
  }
  return freshDraft(rng, index);
}

function freshDraft(rng: Rng, index: number): Draft {
  const military = rng.chance(MILITARY_SHARE);
  const sex = rng.chance(military ? 0.93 : 0.5) ? 'M' : 'F';
  const father = maleNames.draw(rng);
  const surname = SURNAMES[surnames.draw(rng)] as string;
  const eventDay = drawEventDay(rng);
  const birthDay = eventDay - drawAgeDays(rng, military);
  const person: Person = {
    id: personId(index),
    sex,
    givenName: drawGiven(rng, sex),
    patronymic: ukrainianPatronymic(father, sex),
    familyName: sex === 'F' ? womansSurname(rng, surname) : surname,
    birthDate: fromDayNumber(birthDay),
    birthPlace: drawBirthPlace(rng),
    ...serviceOf(rng, military),
    eventDate: fromDayNumber(eventDay),
    eventPlace: drawEventPlace(rng),
    lookalike: null,
  };
  return { person, surname, father };
}

/** A brother or sister: same surname, father and birthplace, often the same unit and capture. */
function siblingOf(base: Draft, rng: Rng, index: number): Draft {
  const fresh = freshDraft(rng, index).person;
  const sex = rng.chance(0.85) ? 'M' : 'F';
  let givenName = drawGiven(rng, sex);
  for (let tries = 0; givenName === base.person.givenName && tries < 8; tries++)
    givenName = drawGiven(rng, sex);
  const twins = rng.chance(0.08);
  const gapDays = (rng.chance(0.5) ? 1 : -1) * rng.between(400, 12 * 365);
  const together = rng.chance(0.5) && base.person.category === 'military';
  const person: Person = {
    ...fresh,
    sex,
    givenName,
    patronymic: ukrainianPatronymic(base.father, sex),
    familyName: sex === 'F' ? feminineSurname(base.surname) : base.surname,
    birthDate: twins ? base.person.birthDate : fromDayNumber(dayNumber(base.person.birthDate) + gapDays),
    birthPlace: base.person.birthPlace,
    ...(together && {
      category: 'military' as const,
      rank: base.person.rank,
      unit: base.person.unit,
      serviceNumber: fresh.serviceNumber || drawServiceNumber(rng),
      eventDate: base.person.eventDate,
      eventPlace: base.person.eventPlace,
    }),
    lookalike: { personId: base.person.id, relation: 'sibling' },
  };
  return { person, surname: base.surname, father: base.father };
}

/** Someone else of the same name: same given and family name, sometimes the same patronymic. */
function namesakeOf(base: Draft, rng: Rng, index: number): Draft {
  const fresh = freshDraft(rng, index);
  const father = rng.chance(0.4) ? base.father : fresh.father;
  const person: Person = {
    ...fresh.person,
    sex: base.person.sex,
    givenName: base.person.givenName,
    patronymic: ukrainianPatronymic(father, base.person.sex),
    familyName: base.person.familyName,
    lookalike: { personId: base.person.id, relation: 'namesake' },
  };
  return { person, surname: base.surname, father };
}

/** A woman's surname: the feminine form, now and then joined to a second one (Шевченко-Ткачук). */
function womansSurname(rng: Rng, surname: string): string {
  const own = feminineSurname(surname);
  if (!rng.chance(DOUBLE_SURNAME_SHARE)) return own;
  return `${own}-${feminineSurname(SURNAMES[surnames.draw(rng)] as string)}`;
}

/** Person ids are stable across runs: "P" and the 1-based position. */
export function personId(index: number): string {
  return `P${index + 1}`;
}

function drawGiven(rng: Rng, sex: 'M' | 'F'): string {
  return (sex === 'M' ? maleNames : femaleNames).draw(rng).uk;
}

function drawEventDay(rng: Rng): number {
  const [from, to] = rng.chance(0.3) ? (SPRING_2022 as [number, number]) : [FIRST_EVENT_DAY, LAST_EVENT_DAY];
  return rng.between(from, to);
}

/** Age in days at the event: soldiers mostly 20 to 50, civilians of any age. */
function drawAgeDays(rng: Rng, military: boolean): number {
  const hump = (rng.next() + rng.next()) / 2;
  const years = military ? 18 + hump * 42 : 3 + hump * 85;
  return Math.floor(years * 365.25) + rng.int(365);
}

function drawBirthPlace(rng: Rng): PlaceRef {
  if (rng.chance(VILLAGE_SHARE)) {
    const [name] = rng.pick(VILLAGES);
    return { kind: 'village', name, oblast: rng.pick(OBLASTS)[0] };
  }
  return townPlace(birthTowns.draw(rng));
}

function drawEventPlace(rng: Rng): PlaceRef {
  return townPlace(eventTowns.draw(rng));
}

function townPlace(town: readonly [string, string, number, ...number[]]): PlaceRef {
  return { kind: 'town', name: town[0], oblast: (OBLASTS[town[2]] as readonly [string, string])[0] };
}

function serviceOf(
  rng: Rng,
  military: boolean,
): Pick<Person, 'category' | 'rank' | 'unit' | 'serviceNumber'> {
  if (!military) return { category: 'civilian', rank: '', unit: null, serviceNumber: '' };
  const kind = UNIT_KINDS[unitKinds.draw(rng)] as (typeof UNIT_KINDS)[number];
  const unit: UnitRef = { kind: kind.uk, number: rng.pick(kind.numbers) };
  const rank = (RANKS[ranks.draw(rng)] as (typeof RANKS)[number]).uk;
  return { category: 'military', rank, unit, serviceNumber: drawServiceNumber(rng) };
}

function drawServiceNumber(rng: Rng): string {
  const letter = SERVICE_LETTERS[rng.int(SERVICE_LETTERS.length)] as string;
  return `${letter}-${String(rng.between(100000, 999999))}`;
}
