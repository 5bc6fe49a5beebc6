/** What every use case runs with: the database and the ports. Built once by create-app.ts. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/dialects/dialect.js';
import type { DB } from '../db/schema.js';
import type { Actor, AuditEntryInput } from '../domain/index.js';
import { appendAudit } from './audit.js';
import type { Clock, IdGenerator, Logger, PasswordHasher } from './ports.js';
import type { PersonKeyer } from './indexing.js';
import type { RegistryMatcher } from './registry-matching.js';
import type { MatcherHolder } from './matcher-holder.js';

export interface AppContext {
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly hasher: PasswordHasher;
  readonly keyer: PersonKeyer;
  readonly matcher: RegistryMatcher;
  /** Where `matcher` comes from: swapped when a model is activated. */
  readonly matchers: MatcherHolder;
  readonly settings: { readonly sessionTtlHours: number; readonly setupTokenTtlHours: number };
}

/** A transaction plus an audit buffer: entries are appended in the same transaction, just before commit. */
export interface Unit {
  readonly trx: Transaction<DB>;
  /** The database the transaction runs on (for its dialect's bulk inserts). */
  readonly database: Database;
  readonly now: string;
  audit(
    actor: Actor,
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ): void;
}

/** Runs `fn` in one transaction with its audit entries; nothing is written if anything fails. */
export async function inUnit<T>(ctx: AppContext, fn: (u: Unit) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString();
    const entries: AuditEntryInput[] = [];
    const unit: Unit = {
      trx,
      database: ctx.database,
      now,
      audit: (actor, action, subjectType, subjectId, details = {}) =>
        entries.push({
          actorId: actor.userId,
          action,
          subjectType,
          subjectId,
          details: { via: actor.via, ...details },
        }),
    };
    const result = await fn(unit);
    await appendAudit(trx, ctx.database.dialect, now, entries);
    return result;
  });
}
