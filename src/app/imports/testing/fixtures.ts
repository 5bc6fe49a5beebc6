/** Test helpers for imports: files in a temporary folder and row counts of every table. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../../db/dialects/dialect.js';
import type { DB } from '../../../db/schema.js';

/** Every table of the schema (the registry "exactly as before" means all of these). */
export const ALL_TABLES: (keyof DB)[] = [
  'persons',
  'sources',
  'claims',
  'claim_retractions',
  'status_events',
  'event_retractions',
  'places',
  'place_names',
  'merges',
  'merge_undos',
  'users',
  'sessions',
  'api_tokens',
  'setup_tokens',
  'audit_log',
  'import_batches',
  'import_presets',
  'import_rows',
  'blocking_keys',
  'person_keys',
  'match_records',
  'person_status',
  'match_candidates',
  'match_decisions',
];

/** Row counts per table. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ALL_TABLES) {
    const r = await database.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Temporary folders made by this process, removed when it exits. */
const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes a file into a fresh temporary folder (removed when the process exits) and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'whereabouts-import-'));
  made.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
