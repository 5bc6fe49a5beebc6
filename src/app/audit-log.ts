/** Audit use cases: read the log (auditors) and verify the hash chain. */
import { z } from 'zod';
import { parseInput, type Actor, type AuditEntry } from '../domain/index.js';
import { authorize } from './authz.js';
import type { AppContext } from './context.js';
import { rowToAuditEntry, verifyAudit, type VerifyResult } from './audit.js';

const ListInput = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
});

export async function listAudit(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
): Promise<{ items: AuditEntry[]; nextAfter: number | null }> {
  authorize(actor, 'audit.read');
  const input = parseInput(ListInput, raw, 'filter');
  let q = ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', input.after)
    .orderBy('seq')
    .limit(input.limit + 1);
  if (input.subjectType) q = q.where('subject_type', '=', input.subjectType);
  if (input.subjectId) q = q.where('subject_id', '=', input.subjectId);
  if (input.action) q = q.where('action', '=', input.action);
  const rows = await q.execute();
  const items = rows.slice(0, input.limit).map(rowToAuditEntry);
  return { items, nextAfter: rows.length > input.limit ? items[items.length - 1]!.seq : null };
}

export async function verifyAuditLog(
  ctx: AppContext,
  actor: Actor,
  anchor?: { seq: number; hash: string },
): Promise<VerifyResult> {
  authorize(actor, 'audit.verify');
  return verifyAudit(ctx.database, anchor);
}
