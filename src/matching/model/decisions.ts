/**
 * Refinement from officers' decisions. Confirmed matches are a labelled sample of true pairs, so
 * they estimate m directly; they are blended with the current m (as if it were `strength` pairs)
 * so that a handful of decisions nudges the model rather than replacing it. u stays as estimated
 * from random pairs: rejected candidates are hard cases, not a random sample of non-matches.
 */
import { prepare, type MatchRecord } from '../record/index.js';
import { createScorer } from '../explain/index.js';
import type { MatchModel } from './match-model.js';
import { versionOf } from './version.js';

/** An officer's decision on a pair of records. */
export interface LabelledPair {
  readonly left: MatchRecord;
  readonly right: MatchRecord;
  readonly match: boolean;
}

/** Returns a model whose m reflects the decided matches. `strength` is the weight of the old m in pairs. */
export function trainFromDecisions(
  model: MatchModel,
  decisions: readonly LabelledPair[],
  strength = 20,
): MatchModel {
  const matches = decisions.filter((d) => d.match);
  if (matches.length === 0) return model;
  const S = prepare(matches.flatMap((d) => [d.left, d.right]));
  const scorer = createScorer(model);
  const width = model.comparisons.length;
  const row = new Uint8Array(width);
  const counts = model.comparisons.map((c) => new Float64Array(c.levels.length));
  for (let k = 0; k < matches.length; k++) {
    scorer.levels(S, 2 * k, S, 2 * k + 1, row, 0);
    for (let c = 0; c < width; c++) if (row[c]! > 0) counts[c]![row[c]! - 1]!++;
  }
  const m = Object.fromEntries(
    model.comparisons.map((c, ci) => {
      const old = model.parameters.m[c.name]!;
      const total = counts[ci]!.reduce((x, y) => x + y, 0);
      return [c.name, old.map((p, l) => (counts[ci]![l]! + strength * p) / (total + strength))];
    }),
  );
  const parameters = { ...model.parameters, m };
  return {
    ...model,
    parameters,
    version: versionOf(model.version, `decisions${matches.length}`, parameters),
  };
}
