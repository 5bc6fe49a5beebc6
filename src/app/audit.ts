/** Appending to and verifying the hash-chained audit log. */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { lockAuditChain, type DialectName } from '../db/dialects/dialect.js';
import {
  auditCanonical,
  GENESIS_HASH,
  verifyChain,
  type AuditEntry,
  type AuditEntryInput,
  type ChainBreak,
} from '../domain/index.js';
import type { Database } from '../db/dialects/dialect.js';
import { sha256Hex } from './ports.js';

/** Appends entries inside the caller's transaction, so an entry exists exactly when its write does. */
export async function appendAudit(
  trx: Transaction<DB>,
  dialect: DialectName,
  at: string,
  entries: readonly AuditEntryInput[],
): Promise<void> {
  if (entries.length === 0) return;
  await lockAuditChain(trx, dialect);
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((e) => {
    seq++;
    const body = {
      seq,
      at,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      details: e.details,
      prevHash,
    };
    const hash = sha256Hex(auditCanonical(body));
    prevHash = hash;
    return {
      seq,
      at,
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      details: JSON.stringify(e.details),
      prev_hash: body.prevHash,
      hash,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function rowToAuditEntry(r: DB['audit_log']): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id as AuditEntry['actorId'],
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: { seq: number; hash: string } | null;
  readonly break: ChainBreak | null;
  /** Set when an expected head (an anchor kept elsewhere) does not match: entries were removed from the end. */
  readonly anchorMismatch: boolean;
}

/** Walks the whole chain in pages. `anchor` is a head recorded earlier, to detect a truncated tail. */
export async function verifyAudit(
  database: Database,
  anchor?: { seq: number; hash: string },
): Promise<VerifyResult> {
  let prev = { prevHash: GENESIS_HASH, seq: 0 };
  let count = 0;
  let head: { seq: number; hash: string } | null = null;
  let anchorSeen = false;
  let anchorMismatch = false;
  for (;;) {
    const page = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prev.seq)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (page.length === 0) break;
    const entries = page.map(rowToAuditEntry);
    const broken = verifyChain(entries, sha256Hex, prev);
    if (broken) return { ok: false, entries: count, head, break: broken, anchorMismatch };
    for (const e of entries) {
      if (anchor && e.seq === anchor.seq) {
        anchorSeen = true;
        if (e.hash !== anchor.hash) anchorMismatch = true;
      }
    }
    const last = entries[entries.length - 1]!;
    count += entries.length;
    head = { seq: last.seq, hash: last.hash };
    prev = { prevHash: last.hash, seq: last.seq };
  }
  if (anchor && !anchorSeen) anchorMismatch = true;
  return { ok: !anchorMismatch, entries: count, head, break: null, anchorMismatch };
}
