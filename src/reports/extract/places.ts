/**
 * Places and organisations named in the report. Places: facilities by their noun ("steelworks",
 * "penal colony", "pre-trial detention centre") with a name or a location, settlements after a
 * preposition or before "region"/"district", countries. Organisations: capitalised phrases with an
 * organisation head noun ("Defence Ministry", "International Committee of the Red Cross") and known
 * acronyms.
 */
import type { OrganizationMention, PlaceMention } from '../types.js';
import type { Token } from '../text/tokens.js';
import { textOf } from '../text/numbers.js';
import { PhraseMatcher } from '../text/phrases.js';
import {
  FACILITY_NOUNS,
  ORG_ACRONYMS,
  ORG_HEADS,
  ORG_NAMES,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
} from '../lexicon/places-lexicon.js';
import { NOT_NAME, GIVEN_NAMES, RANK_CUES, SIDES, UNIT_NOUNS } from '../lexicon/people-lexicon.js';
import type { SentenceContext } from './context.js';

const COUNTRIES = new Set(
  'ukraine russia belarus poland moldova georgia turkey germany france britain israel syria sudan ethiopia armenia azerbaijan crimea donbas donbass'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on']);

/** Places and organisations of the whole report, each once, in order of first mention. */
export function extractPlacesAndOrganizations(contexts: readonly SentenceContext[]): {
  places: PlaceMention[];
  organizations: OrganizationMention[];
} {
  const places = new Map<string, PlaceMention>();
  const orgs = new Map<string, OrganizationMention>();
  for (const ctx of contexts) {
    for (const o of organizationsIn(ctx.tokens))
      if (!orgs.has(o.name.toLowerCase())) orgs.set(o.name.toLowerCase(), o);
    for (const p of placesIn(ctx.tokens)) {
      const key = p.name.toLowerCase();
      if (!places.has(key) && !orgs.has(key)) places.set(key, p);
    }
  }
  return { places: [...places.values()], organizations: [...orgs.values()] };
}

/** Organisations named in one sentence. */
export function organizationsIn(tokens: readonly Token[]): OrganizationMention[] {
  const out: OrganizationMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const acronym = ORG_ACRONYMS.get(t.t.replace(/s$/, ''));
    if (acronym) {
      out.push({ name: t.t, kind: acronym });
      continue;
    }
    const known = knownOrg(tokens, i);
    if (known) {
      out.push(known.org);
      i = known.end - 1;
      continue;
    }
    if (!t.cap || t.k !== 'word') continue;
    let j = i;
    let kind: OrganizationMention['kind'] | null = null;
    let lastCap = i;
    while (j < tokens.length && (tokens[j]!.cap || connectsToCap(tokens, j))) {
      const head = ORG_HEADS.get(tokens[j]!.l.replace(/['’]s$/, ''));
      if (head && tokens[j]!.cap) kind = head;
      if (tokens[j]!.cap) lastCap = j;
      j++;
    }
    if (kind) {
      let s = i;
      if (tokens[s]!.l === 'the') s++;
      out.push({ name: textOf(tokens, s, lastCap + 1).replace(/['’]s$/, ''), kind });
    }
    i = Math.max(i, j - 1);
  }
  return out;
}

/** "of the" between capitalised words keeps an organisation name going. */
function connectsToCap(tokens: readonly Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && k - j < 2 && CONNECTORS.has(tokens[k]!.l)) k++;
  return k > j && Boolean(tokens[k]?.cap);
}

const KNOWN_ORGS = new PhraseMatcher<OrganizationMention['kind']>(ORG_NAMES);

function knownOrg(tokens: readonly Token[], i: number): { org: OrganizationMention; end: number } | null {
  if (!tokens[i]!.cap) return null;
  const hit = KNOWN_ORGS.at(tokens, i);
  if (!hit) return null;
  let end = hit.end;
  while (tokens[end]?.cap) end++;
  return { org: { name: textOf(tokens, i, end), kind: hit.value }, end };
}

/** Places named in one sentence. */
export function placesIn(tokens: readonly Token[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  const facilities = FACILITY_NOUNS.all(tokens);
  for (const f of facilities) {
    let s = f.start;
    while (s > 0 && tokens[s - 1]!.cap && tokens[s - 1]!.k === 'word' && !NOT_NAME.has(tokens[s - 1]!.l)) s--;
    let e = f.end;
    if (
      (tokens[e]?.l === 'no.' || tokens[e]?.l === 'no' || tokens[e]?.t === '№') &&
      tokens[e + 1]?.k === 'num'
    )
      e += 2;
    else if (tokens[e]?.k === 'num' && tokens[f.end - 1]!.cap) e += 1;
    const named = s < f.start || e > f.end || tokens[f.start]!.cap;
    const inTown =
      (tokens[e]?.l === 'in' || tokens[e]?.l === 'near' || tokens[e]?.l === 'of') &&
      isPlaceWord(tokens[e + 1]);
    if (inTown) e += 2;
    if (named || inTown) out.push({ name: textOf(tokens, s, e), kind: f.value });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isPlaceWord(t)) continue;
    const prev = tokens[i - 1];
    const head = PLACE_HEADS.get(tokens[i + 1]?.l ?? '');
    const ofTown = prev?.l === 'of' && PLACE_HEADS.get(tokens[i - 2]?.l ?? '') === 'town';
    if (COUNTRIES.has(t.l)) out.push({ name: t.t, kind: 'country' });
    else if (head && !facilityAt(facilities, i))
      out.push({ name: `${t.t}${head === 'region' ? ` ${tokens[i + 1]!.l}` : ''}`, kind: head });
    else if (
      ofTown ||
      (prev && PLACE_PREPOSITIONS.has(prev.l) && !facilityAt(facilities, i + 1) && !followedByName(tokens, i))
    )
      out.push({ name: t.t, kind: 'town' });
  }
  return out;
}

function facilityAt(facilities: readonly { start: number; end: number }[], i: number): boolean {
  return facilities.some((f) => i >= f.start - 1 && i < f.end);
}

function followedByName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    Boolean(next?.cap && next.k === 'word') || UNIT_NOUNS.has(next?.l ?? '') || ORG_HEADS.has(next?.l ?? '')
  );
}

function isPlaceWord(t: Token | undefined): boolean {
  if (!t || !t.cap || t.k !== 'word' || t.t.length < 3) return false;
  if (
    NOT_NAME.has(t.l) ||
    SIDES.has(t.l) ||
    GIVEN_NAMES.has(t.l) ||
    ORG_HEADS.has(t.l) ||
    ORG_ACRONYMS.has(t.t)
  )
    return false;
  if (RANK_CUES.at([t], 0)) return false;
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.t);
}
