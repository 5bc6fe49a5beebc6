/**
 * Quotations and their speakers. Straight, curly, guillemet and low-high quote marks are all read
 * (machine translation mixes them). A quote that ends in an ellipsis, or whose closing mark never
 * comes before the paragraph ends, is marked truncated. One- or two-word quotes are scare quotes
 * (framing), not statements.
 */
import type { PersonMention, Quote } from '../types.js';
import { tokenize } from '../text/tokens.js';
import type { SentenceContext } from './context.js';
import { findSpeaker } from './context.js';

const PAIRS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '”': '”' };
const CUT = /(\.\.\.|…)\s*$/;

/** Quotes of the report, in order. */
export function extractQuotes(
  contexts: readonly SentenceContext[],
  text: string,
  persons: readonly PersonMention[] = [],
): Quote[] {
  const out: Quote[] = [];
  let offset = 0;
  for (const para of text.split(/\n\s*\n/)) {
    const at = text.indexOf(para, offset);
    offset = at + para.length;
    for (const q of quotesIn(para)) {
      if (q.body.split(/\s+/).length < 3) continue;
      let speaker = speakerOf(contexts, para, q);
      if (speaker === null || PRONOUN.test(speaker))
        speaker =
          lastPersonBefore(text, at + q.start, persons) ??
          (speaker && PRONOUN.test(speaker) ? null : speaker);
      else speaker = persons.find((p) => speaker!.endsWith(p.name))?.name ?? speaker;
      out.push({ text: q.body.trim().replace(/,$/, ''), speaker, truncated: q.open || CUT.test(q.body) });
    }
  }
  return out;
}

const PRONOUN = /^(he|she|they|i|we)$/i;

/** The person named last before `pos` (by full name or family name): whom "he said" refers to. */
function lastPersonBefore(text: string, pos: number, persons: readonly PersonMention[]): string | null {
  let best: { name: string; at: number } | null = null;
  const before = text.slice(0, pos);
  for (const p of persons) {
    for (const form of [p.name, ...p.variants, p.name.split(' ').pop() ?? '']) {
      const at = form ? before.lastIndexOf(form) : -1;
      if (at >= 0 && (!best || at > best.at)) best = { name: p.name, at };
    }
  }
  return best?.name ?? null;
}

interface RawQuote {
  body: string;
  start: number;
  end: number;
  open: boolean;
}

function quotesIn(para: string): RawQuote[] {
  const out: RawQuote[] = [];
  for (let i = 0; i < para.length; i++) {
    const close = PAIRS[para[i]!];
    if (close === undefined) continue;
    if (para[i] === '”' && i > 0 && /\S/.test(para[i - 1]!)) continue;
    let j = para.indexOf(close, i + 1);
    if (close === '“' && j < 0) j = para.indexOf('”', i + 1);
    if (j < 0) {
      out.push({ body: para.slice(i + 1), start: i, end: para.length, open: true });
      break;
    }
    out.push({ body: para.slice(i + 1, j), start: i, end: j + 1, open: false });
    i = j;
  }
  return out;
}

function speakerOf(contexts: readonly SentenceContext[], para: string, q: RawQuote): string | null {
  const after = para.slice(q.end, q.end + 160).split(/[.!?](\s|$)/)[0] ?? '';
  const before =
    para
      .slice(Math.max(0, q.start - 160), q.start)
      .split(/[.!?]\s/)
      .pop() ?? '';
  const speaker = findSpeaker(tokenize(after)) ?? findSpeaker(tokenize(before));
  if (speaker) return speaker;
  const ctx = contexts.find(
    (c) => para.includes(c.sentence.text) && c.sentence.text.includes(q.body.slice(0, 30)),
  );
  return ctx?.attributedTo ?? null;
}
