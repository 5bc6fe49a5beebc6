/** Generated multi-source data as a labelled set, for eval and bench (stub until the generator lands). */
import type { Labelled } from './eval.js';

/** Generated data: `persons` people written by `sources` sources. */
export async function generatedLabelled(persons: number, sources: number, seed: number): Promise<Labelled> {
  throw new Error(`generator not available (${persons}, ${sources}, ${seed})`);
}
