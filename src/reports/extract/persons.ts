/**
 * Person mentions of a report: names found sentence by sentence, linked into one person per family
 * name (spelling variants meet through the names module's cross-convention key), with the attributes
 * and statuses each sentence gives. "He"/"she" at the start of a sentence continue the last person
 * named; "declined to comment" about a person hedges what was reported about them.
 */
import type { OrganizationMention, PersonMention, PersonStatus, PlaceMention } from '../types.js';
import { compatibleGiven } from '../text/person-keys.js';
import type { SentenceContext } from './context.js';
import { findNames } from './person-names.js';
import type { NameSpan } from './person-names.js';
import { localAttributes, statusesAfter } from './person-attributes.js';

interface Person {
  name: string;
  spellings: string[];
  familyKey: string;
  givenKey: string | null;
  age: number | null;
  rank: string | null;
  role: string | null;
  unit: string | null;
  side: string | null;
  statuses: PersonStatus[];
  attributedTo: string | null;
  seen: number;
}

const PRONOUN_SUBJECT = /^(he|she)$/;
const COMMENT_HEDGE =
  /\b(declined to comment|refused to comment|would not comment|could not confirm|did not confirm|did not respond|unclear|not known|no information)\b/i;

/** Persons named in the report, never its authors. */
export function extractPersons(
  contexts: readonly SentenceContext[],
  known: {
    authors: readonly string[];
    places: readonly PlaceMention[];
    organizations: readonly OrganizationMention[];
  },
): PersonMention[] {
  const people: Person[] = [];
  const familyKeys = new Set<string>();
  const authors = new Set(known.authors.map((a) => a.toLowerCase()));
  const notPeople = new Set([...known.places, ...known.organizations].map((p) => p.name.toLowerCase()));
  let last: Person | null = null;
  let clock = 0;
  for (const ctx of contexts) {
    const spans = findNames(ctx.tokens, familyKeys, authors).filter(
      (s) => !notPeople.has(s.name.toLowerCase()),
    );
    for (const span of spans) {
      const person = personFor(people, span);
      person.seen = ++clock;
      familyKeys.add(span.familyKey);
      absorb(person, ctx, span, spans);
      last = person;
    }
    const pronoun = ctx.tokens.findIndex((t) => PRONOUN_SUBJECT.test(t.l));
    if (last && spans.length === 0 && pronoun >= 0) {
      for (const st of statusesAfter(ctx, pronoun, pronoun + 1, [])) addStatus(last, st, ctx);
    }
    if (
      last &&
      COMMENT_HEDGE.test(ctx.sentence.text) &&
      (spans.length === 0 || spans.some((s) => personFor(people, s) === last))
    )
      last.statuses = last.statuses.map((s) => ({ ...s, hedged: true }));
  }
  return people.map(toMention);
}

function personFor(people: Person[], span: NameSpan): Person {
  // A bare family name shared by several people goes to the one named most recently.
  const found = [...people]
    .sort((a, b) => b.seen - a.seen)
    .find((p) => p.familyKey === span.familyKey && compatibleGiven(p.givenKey, span.givenKey));
  if (found) return found;
  const person: Person = {
    name: span.name,
    spellings: [span.name],
    familyKey: span.familyKey,
    givenKey: span.givenKey,
    age: null,
    rank: null,
    role: null,
    unit: null,
    side: null,
    statuses: [],
    attributedTo: null,
    seen: 0,
  };
  people.push(person);
  return person;
}

function absorb(person: Person, ctx: SentenceContext, span: NameSpan, spans: readonly NameSpan[]): void {
  if (!person.spellings.includes(span.name)) person.spellings.push(span.name);
  if (span.givenKey && !person.givenKey) {
    person.givenKey = span.givenKey;
    person.name = span.name;
  }
  const attrs = localAttributes(ctx.tokens, span, spans);
  person.age ??= attrs.age;
  person.rank ??= attrs.rank;
  person.role ??= attrs.role;
  person.unit ??= attrs.unit;
  person.side ??= attrs.side;
  for (const st of statusesAfter(ctx, span.start, span.end, spans)) addStatus(person, st, ctx);
}

function addStatus(person: Person, status: PersonStatus, ctx: SentenceContext): void {
  const same = person.statuses.find((s) => s.type === status.type);
  if (same) {
    const i = person.statuses.indexOf(same);
    person.statuses[i] = {
      ...same,
      date: same.date ?? status.date,
      place: same.place ?? status.place,
      hedged: same.hedged && status.hedged,
    };
    return;
  }
  person.statuses.push(status);
  person.attributedTo ??= ctx.attributedTo;
}

function toMention(p: Person): PersonMention {
  const parts = p.name.split(' ');
  return {
    name: p.name,
    // A bare family name spelled as in the full name is the same mention, not a variant.
    variants: p.spellings.filter((s) => s !== p.name && !parts.includes(s)),
    age: p.age,
    rank: p.rank,
    role: p.role,
    unit: p.unit,
    side: p.side,
    statuses: p.statuses,
    attributedTo: p.attributedTo,
  };
}
