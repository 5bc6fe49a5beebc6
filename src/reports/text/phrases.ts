/**
 * Multi-word lexicon lookup over tokens: each entry is a lower-case word sequence with a value. The
 * index is keyed by first word so that a lookup costs one map probe per token.
 */
import type { Token } from './tokens.js';

/** A phrase found at a token position: tokens [start, end) and its value. */
export interface PhraseHit<V> {
  readonly start: number;
  readonly end: number;
  readonly value: V;
}

/** A lexicon of phrases; the longest phrase wins at each position. */
export class PhraseMatcher<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();

  /** Builds the matcher from `[phrase, value]` pairs; phrases are space-separated words. */
  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(' ');
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, value });
      this.byFirst.set(words[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest phrase starting at token `i`, or null. */
  at(tokens: readonly Token[], i: number): PhraseHit<V> | null {
    const list = this.byFirst.get(tokens[i]?.l ?? '');
    if (!list) return null;
    for (const { words, value } of list) {
      let ok = i + words.length <= tokens.length;
      for (let k = 1; ok && k < words.length; k++) ok = tokens[i + k]!.l === words[k];
      if (ok) return { start: i, end: i + words.length, value };
    }
    return null;
  }

  /** Every non-overlapping phrase in the tokens, left to right. */
  all(tokens: readonly Token[], from = 0, to = tokens.length): PhraseHit<V>[] {
    const out: PhraseHit<V>[] = [];
    for (let i = from; i < to; i++) {
      const hit = this.at(tokens, i);
      if (hit && hit.end <= to) {
        out.push(hit);
        i = hit.end - 1;
      }
    }
    return out;
  }
}
