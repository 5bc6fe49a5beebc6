/**
 * Audit entries: every read of a person, every export and every write. Entries form a hash chain:
 * each entry's hash covers its content and the previous entry's hash, so altering or removing any
 * entry breaks the chain from there on. Details hold ids and counts, never personal values.
 */
import type { UserId } from './ids.js';

export interface AuditEntryInput {
  readonly actorId: UserId;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends AuditEntryInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The exact text that an entry's hash covers: stable key order, no whitespace. */
export function auditCanonical(e: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson([e.seq, e.at, e.actorId, e.action, e.subjectType, e.subjectId, e.details, e.prevHash]);
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

export interface ChainBreak {
  readonly seq: number;
  readonly reason: 'hash_mismatch' | 'link_broken' | 'sequence_gap';
}

/**
 * Verifies a chain segment given in order. `hash` is the hashing function (sha-256 hex in app/).
 * Returns the first break, or null when the chain holds.
 */
export function verifyChain(
  entries: Iterable<AuditEntry>,
  hash: (text: string) => string,
  start: { prevHash: string; seq: number } = { prevHash: GENESIS_HASH, seq: 0 },
): ChainBreak | null {
  let prev = start.prevHash;
  let expected = start.seq + 1;
  for (const e of entries) {
    if (e.seq !== expected) return { seq: expected, reason: 'sequence_gap' };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'link_broken' };
    const { hash: stored, ...rest } = e;
    if (hash(auditCanonical(rest)) !== stored) return { seq: e.seq, reason: 'hash_mismatch' };
    prev = stored;
    expected++;
  }
  return null;
}
