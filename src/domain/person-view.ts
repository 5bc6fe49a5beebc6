/**
 * The person view: the best value per field, derived from claims, with conflicting values listed.
 * A claim counts unless it was retracted or superseded. The best value is the one with the strongest
 * confidence, then the most reliable source, then the latest assertion, then the latest record.
 */
import type { Claim, ClaimField, ClaimValue, Confidence } from './claim.js';
import { CONFIDENCE_RANK } from './claim.js';
import type { ClaimId, PersonId, SourceId } from './ids.js';
import type { Reliability } from './source.js';

export interface FieldValue {
  readonly value: ClaimValue;
  readonly confidence: Confidence;
  readonly claimIds: readonly ClaimId[];
  readonly sourceIds: readonly SourceId[];
}

export interface FieldView {
  readonly best: FieldValue;
  /** Other live values that disagree with the best one (one entry per distinct value). */
  readonly conflicts: readonly FieldValue[];
}

export type PersonView = {
  readonly id: PersonId;
  readonly fields: Partial<Record<ClaimField, FieldView>>;
};

const RELIABILITY_RANK: Record<Reliability, number> = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 };

/** Canonical key of a value, so equal values from several sources are grouped. */
export function valueKey(value: ClaimValue): string {
  if (typeof value === 'string') return value.normalize('NFC').trim().toLocaleLowerCase();
  return JSON.stringify(value, Object.keys(value as object).sort());
}

/** Claims that still count: not retracted and not superseded by another live claim. */
export function liveClaims(claims: readonly Claim[], retracted: ReadonlySet<string>): Claim[] {
  const superseded = new Set<string>();
  for (const c of claims) if (c.supersedes && !retracted.has(c.id)) superseded.add(c.supersedes);
  return claims.filter((c) => !retracted.has(c.id) && !superseded.has(c.id));
}

/**
 * Derives the view. `reliability` gives each source's grade (unknown sources rank lowest).
 * Grouping: claims with the same value form one candidate; a candidate's strength is its best claim.
 */
export function personView(
  id: PersonId,
  claims: readonly Claim[],
  retracted: ReadonlySet<string>,
  reliability: ReadonlyMap<string, Reliability> = new Map(),
): PersonView {
  const byField = new Map<ClaimField, Map<string, Claim[]>>();
  for (const c of liveClaims(claims, retracted)) {
    let groups = byField.get(c.field);
    if (!groups) byField.set(c.field, (groups = new Map()));
    const key = valueKey(c.value);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const fields: Partial<Record<ClaimField, FieldView>> = {};
  for (const [field, groups] of byField) {
    const candidates = [...groups.values()].map((group) => {
      const ranked = [...group].sort((a, b) => compareClaims(a, b, reliability));
      const top = ranked[0]!;
      return { top, group };
    });
    candidates.sort((a, b) => compareClaims(a.top, b.top, reliability) || b.group.length - a.group.length);
    const toValue = ({ top, group }: { top: Claim; group: Claim[] }): FieldValue => ({
      value: top.value,
      confidence: top.confidence,
      claimIds: group.map((c) => c.id),
      sourceIds: [...new Set(group.map((c) => c.sourceId))],
    });
    const [best, ...rest] = candidates;
    fields[field] = { best: toValue(best!), conflicts: rest.map(toValue) };
  }
  return { id, fields };
}

/** Negative when `a` should win over `b`. */
function compareClaims(a: Claim, b: Claim, reliability: ReadonlyMap<string, Reliability>): number {
  return (
    CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
    rel(b, reliability) - rel(a, reliability) ||
    cmpDesc(a.assertedAt ?? '', b.assertedAt ?? '') ||
    cmpDesc(a.recordedAt, b.recordedAt)
  );
}

function rel(c: Claim, reliability: ReadonlyMap<string, Reliability>): number {
  const grade = reliability.get(c.sourceId);
  return grade ? RELIABILITY_RANK[grade] : -1;
}

function cmpDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
