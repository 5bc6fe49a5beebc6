/**
 * Per-sentence analysis shared by every extractor: tokens, dates, time cues, hedging and who is
 * speaking. Attribution follows news usage: "according to X", "X said", "said X", and a sentence
 * without its own source inherits the previous one's within the paragraph.
 */
import type { Sentence } from '../text/sentences.js';
import { tokenize } from '../text/tokens.js';
import type { Token } from '../text/tokens.js';
import { findDates } from '../time/dates.js';
import type { DateMention } from '../time/dates.js';
import { findTimeCues } from '../time/window.js';
import type { TimeCue } from '../time/window.js';
import { HEDGES, SPEECH_VERBS } from '../lexicon/figures-lexicon.js';
import { textOf } from '../text/numbers.js';

/** A sentence with everything the extractors need. */
export interface SentenceContext {
  readonly index: number;
  readonly sentence: Sentence;
  readonly tokens: Token[];
  readonly dates: DateMention[];
  readonly cues: TimeCue[];
  readonly hedged: boolean;
  /** Who the sentence attributes its content to, if it says so itself. */
  readonly speaker: string | null;
  /** The speaker, inherited from the paragraph when the sentence names none. */
  readonly attributedTo: string | null;
  /** The report's publication date, against which relative dates were resolved. */
  readonly published: string | null;
}

const SPEAKER_NOUNS = new Set(
  `ministry ministries spokesman spokeswoman spokesperson official officials source sources commander governor mayor
ombudsman military army staff headquarters office service statement report agency committee police authorities
government president minister representative command media outlet newspaper correspondent witnesses relatives wife
mother father family deputy head chief prosecutor officer officers defence defense general intelligence adviser
advisor aide department press spokesmen leadership council commission mission ministry's administration district region city
authorities`.split(/\s+/),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const TRAILING_NOISE =
  /\s+(statement|report|data|figures|message|channel|post|website|briefing|telegram channel|telegram)$/i;

/** Analyses all sentences; `needsDates` limits date parsing to sentences that can use it. */
export function analyseSentences(
  sentences: readonly Sentence[],
  published: string | null,
): SentenceContext[] {
  const out: SentenceContext[] = [];
  let paragraphSpeaker: { paragraph: number; speaker: string } | null = null;
  let lastSpeaker: string | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const tokens = tokenize(sentence.text);
    const dates = findDates(sentence.text, published);
    const cues = findTimeCues(tokens, dates, published);
    const hedged = HEDGES.all(tokens).length > 0;
    let speaker = findSpeaker(tokens);
    if (speaker && PRONOUNS.has(speaker.toLowerCase())) speaker = lastSpeaker;
    if (speaker) speaker = expandGeneric(speaker, out);
    if (speaker) lastSpeaker = speaker;
    if (paragraphSpeaker && paragraphSpeaker.paragraph !== sentence.paragraph) paragraphSpeaker = null;
    if (speaker) paragraphSpeaker = { paragraph: sentence.paragraph, speaker };
    out.push({
      index: i,
      sentence,
      tokens,
      dates,
      cues,
      hedged,
      speaker,
      attributedTo: speaker ?? paragraphSpeaker?.speaker ?? null,
      published,
    });
  }
  return out;
}

/** The source a sentence names for itself, or null. */
export function findSpeaker(tokens: readonly Token[]): string | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.l === 'according' && tokens[i + 1]!.l === 'to') {
      const np = nounPhraseRight(tokens, i + 2);
      if (np) return np;
    }
  }
  for (let v = 0; v < tokens.length; v++) {
    if (!SPEECH_VERBS.has(tokens[v]!.l)) continue;
    const left = nounPhraseLeft(tokens, v);
    if (left) return left;
    const right = nounPhraseRight(tokens, v + 1);
    const prev = tokens[v - 1];
    // Inverted order: '…, said the ministry', '"…" - declared in General Staff', 'As informed the Ombudsman'.
    if (right && (!prev || prev.k === 'punct' || INVERSION.has(prev.l) || /["”»]/.test(prev.t))) return right;
  }
  return null;
}

const INVERSION = new Set(['as', 'in', 'so', 'also', 'then', 'have', 'has', 'it', 'was', 'were', 'is']);
const NOT_SPEAKER = new Set(
  'as in on at by from since after before but and when while if so yesterday today the a an this that these those there it its according earlier later meanwhile also however'.split(
    ' ',
  ),
);

function isSpeakerWord(t: Token): boolean {
  if (NOT_SPEAKER.has(t.l) && t.l !== 'the') return false;
  return (t.cap && t.k === 'word') || SPEAKER_NOUNS.has(t.l) || t.l === "'s" || t.l === 'of' || t.l === 'for';
}

function nounPhraseLeft(tokens: readonly Token[], v: number): string | null {
  let s = v;
  while (s > 0 && v - s < 12) {
    const t = tokens[s - 1]!;
    if (PRONOUNS.has(t.l) && s === v) return t.t;
    const adjective =
      t.k === 'word' &&
      /^[a-z]+$/.test(t.l) &&
      s < v &&
      SPEAKER_NOUNS.has(tokens[s]!.l) &&
      !NOT_SPEAKER.has(t.l);
    if (isSpeakerWord(t) || adjective || (t.l === 'the' && s < v)) s--;
    else break;
  }
  while (s < v && (tokens[s]!.l === 'the' || tokens[s]!.l === 'of' || tokens[s]!.l === 'for')) s++;
  if (s >= v) return null;
  if (!tokens.slice(s, v).some((t) => SPEAKER_NOUNS.has(t.l) || (t.cap && s > 0) || (t.cap && t.l !== 'the')))
    return null;
  return tidy(textOf(tokens, s, v));
}

function nounPhraseRight(tokens: readonly Token[], s: number): string | null {
  let i = s;
  if (tokens[i]?.l === 'the' || tokens[i]?.l === 'a' || tokens[i]?.l === 'an') i++;
  const start = i;
  while (i < tokens.length && i - start < 9) {
    const t = tokens[i]!;
    if (t.l === 'the' && tokens[i - 1]?.l === 'of') {
      i++;
      continue;
    }
    if (
      isSpeakerWord(t) ||
      (t.k === 'word' && /^[a-z]+$/.test(t.l) && SPEAKER_NOUNS.has(tokens[i + 1]?.l ?? '') && i - start < 2)
    )
      i++;
    else break;
  }
  while (i > start && (tokens[i - 1]!.l === 'of' || tokens[i - 1]!.l === 'for')) i--;
  if (i === start) return null;
  const first = tokens[start]!;
  if (PRONOUNS.has(first.l)) return first.t;
  // "according to the head of the district, Halyna Moroz": the name in apposition is the source.
  const a = tokens[i];
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  if (
    a?.t === ',' &&
    b?.cap &&
    c?.cap &&
    b.k === 'word' &&
    c.k === 'word' &&
    (!tokens[i + 3] || tokens[i + 3]!.k === 'punct')
  )
    return `${b.t} ${c.t}`;
  return tidy(textOf(tokens, start, i));
}

function tidy(np: string): string | null {
  let s = np
    .replace(/^(in|at|by|from|to)\s+/i, '')
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/['’]s$/, '')
    .trim();
  while (TRAILING_NOISE.test(s)) s = s.replace(TRAILING_NOISE, '').replace(/['’]s$/, '');
  s = s.replace(/['’]s$/, '');
  if (!s || /^(it|this|that|there)$/i.test(s)) return null;
  return s;
}

/** "the ministry" after "the Russian Defence Ministry" means the latter. */
function expandGeneric(speaker: string, earlier: readonly SentenceContext[]): string {
  if (/[A-Z]/.test(speaker) && speaker.split(' ').length > 1) return speaker;
  const head = speaker.split(' ').pop()!.toLowerCase();
  for (let k = earlier.length - 1; k >= 0; k--) {
    const sp = earlier[k]!.speaker;
    if (sp && sp !== speaker && sp.toLowerCase().split(' ').includes(head)) return sp;
  }
  return speaker;
}
