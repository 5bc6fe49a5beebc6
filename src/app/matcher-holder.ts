/**
 * The registry's current matcher, swappable at run time. Use cases read `ctx.matcher` (a getter
 * over this holder) once per call, so activating a model takes effect at the next call without a
 * restart; a call already running finishes with the matcher it started with.
 */
import type { RegistryMatcher } from './registry-matching.js';

/** Holds the matcher built from the active model. */
export class MatcherHolder {
  #current: RegistryMatcher;

  constructor(initial: RegistryMatcher) {
    this.#current = initial;
  }

  /** The matcher of the active model. */
  get current(): RegistryMatcher {
    return this.#current;
  }

  /** Replaces the matcher; returns the one it replaced. */
  swap(next: RegistryMatcher): RegistryMatcher {
    const previous = this.#current;
    this.#current = next;
    return previous;
  }
}
