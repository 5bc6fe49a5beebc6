/** Runs the migrations in order on either dialect; each runs in its own transaction. */
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database } from '../dialects/dialect.js';
import { DomainError } from '../../domain/errors.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-matching.js';
import * as m0004 from './0004-tracing.js';
import * as m0005 from './0005-reports.js';
import * as m0003 from './0003-imports.js';
import * as m0006 from './0006-models.js';
import * as m0007 from './0007-match-records.js';
import * as m0008 from './0008-blocking-keys-person-key.js';
import * as m0009 from './0009-name-pair-keys.js';
import * as m0010 from './0010-exchange-steps-entry.js';
import * as m0011 from './0011-keys-byte-order.js';
import * as m0012 from './0012-blocking-keys-lean.js';
import * as m0013 from './0013-person-keys.js';
import * as m0014 from './0014-key-person-seq.js';
import * as m0015 from './0015-sparse-indexes.js';

function provider(database: Database): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-initial': { up: (db) => m0001.up(db, database.dialect) },
    '0002-matching': { up: (db) => m0002.up(db, database.dialect) },
    '0004-tracing': { up: (db) => m0004.up(db, database.dialect) },
    '0005-reports': { up: (db) => m0005.up(db) },
    '0003-imports': { up: (db) => m0003.up(db, database.dialect) },
    '0006-models': { up: (db) => m0006.up(db) },
    '0007-match-records': { up: (db) => m0007.up(db) },
    '0008-blocking-keys-person-key': { up: (db) => m0008.up(db) },
    '0009-name-pair-keys': { up: (db) => m0009.up(db) },
    '0010-exchange-steps-entry': { up: (db) => m0010.up(db) },
    '0011-keys-byte-order': { up: (db) => m0011.up(db, database.dialect) },
    '0012-blocking-keys-lean': { up: (db) => m0012.up(db, database.dialect) },
    '0013-person-keys': { up: (db) => m0013.up(db, database.dialect) },
    '0014-key-person-seq': { up: (db) => m0014.up(db, database.dialect) },
    '0015-sparse-indexes': { up: (db) => m0015.up(db) },
  };
  return { getMigrations: async () => all };
}

/** Brings the schema up to date. Returns the names of the migrations it applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return migrate(database, (m) => m.migrateToLatest());
}

/** Brings the schema up to the migration `name` (tests of a migration: the schema as it found it). */
export async function migrateTo(database: Database, name: string): Promise<string[]> {
  return migrate(database, (m) => m.migrateTo(name));
}

async function migrate(
  database: Database,
  run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<string[]> {
  // With a schema (one per test suite, or a deployment's own), the migration tables live in it too.
  const migrator = new Migrator({
    db: database.db,
    provider: provider(database),
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const result: MigrationResultSet = await run(migrator);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new DomainError(
      'INTERNAL',
      `migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
