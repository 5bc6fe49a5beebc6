/** Operations commands: migrate, user add, user token, audit verify, backup, compact. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DomainError, ROLES, systemActor, type Role } from '../../domain/index.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliConfig, openRuntime, withRuntime } from '../runtime.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function registerAdmin(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done by every other command)')
    .action(async () => {
      const rt = await openRuntime(ctx);
      await rt.close();
      ctx.stdout.write(
        `database ${rt.database.dialect === 'sqlite' ? rt.database.file : 'postgres'} is up to date\n`,
      );
    });

  const user = program.command('user').description('manage users');
  user
    .command('add <username>')
    .description('add a user; the password is read from standard input (one line)')
    .addOption(
      new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory(),
    )
    .option('--name <display-name>', 'display name (default: the username)')
    .action(async (username: string, opts: { role: Role; name?: string }) => {
      const password = await readStdinLine();
      await withRuntime(ctx, async (rt) => {
        const u = await rt.app.auth.addUser(
          { ...systemActor, via: 'cli' },
          { username, displayName: opts.name ?? username, role: opts.role, password },
        );
        ctx.stdout.write(`added ${u.username} (${u.role}) ${u.id}\n`);
      });
    });
  user
    .command('token <username>')
    .description('issue an API token for a user; the secret is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'expire after this many days', (v) => Number.parseInt(v, 10))
    .action(async (username: string, opts: { name: string; days?: number }) => {
      await withRuntime(ctx, async (rt) => {
        const row = await rt.database.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirst();
        if (!row) throw new DomainError('NOT_FOUND', `user ${username} does not exist`);
        const t = await rt.app.auth.issueToken({ ...systemActor, via: 'cli' }, row.id, {
          name: opts.name,
          expiresInDays: opts.days ?? null,
        });
        ctx.stdout.write(`${t.token}\n`);
      });
    });

  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('check the hash chain of the audit log; exits 7 when an entry was altered or removed')
    .option(
      '--anchor <seq:hash>',
      'a head recorded earlier (from a previous verify), to detect a truncated tail',
    )
    .action(async (opts: { anchor?: string }) => {
      let anchor: { seq: number; hash: string } | undefined;
      if (opts.anchor) {
        const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.anchor);
        if (!m)
          throw new DomainError(
            'VALIDATION_FAILED',
            '--anchor must look like SEQ:HASH (as printed by audit verify)',
          );
        anchor = { seq: Number(m[1]), hash: m[2]! };
      }
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.audit.verify({ ...systemActor, via: 'cli' }, anchor);
        if (r.ok) {
          ctx.stdout.write(
            `audit log intact: ${r.entries} entries; head ${r.head ? `${r.head.seq}:${r.head.hash}` : '(empty)'}\n`,
          );
          return;
        }
        if (r.break)
          ctx.stdout.write(`audit log BROKEN at entry ${r.break.seq}: ${r.break.reason.replace('_', ' ')}\n`);
        if (r.anchorMismatch)
          ctx.stdout.write(
            'audit log BROKEN: the anchor does not match (entries were removed or replaced)\n',
          );
        process.exitCode = EXIT.INTEGRITY;
      });
    });

  program
    .command('backup <file>')
    .description(
      'write a consistent copy of the SQLite database (safe while serving); for PostgreSQL use pg_dump',
    )
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, opts: { force?: boolean }) => {
      const out = resolve(file);
      if (existsSync(out) && !opts.force)
        throw new DomainError('ALREADY_EXISTS', `${out} exists (use --force to overwrite)`);
      await withRuntime(ctx, async (rt) => {
        if (!rt.database.sqlite)
          throw new DomainError(
            'UNSUPPORTED_FORMAT',
            'backup copies SQLite databases; for PostgreSQL run: pg_dump --format=custom --file=whereabouts.dump "$WHEREABOUTS_DB"',
          );
        await rt.database.sqlite.backup(out);
        ctx.stdout.write(`backup written to ${out}\n`);
      });
    });

  program
    .command('compact')
    .description(
      'rewrite the SQLite database file: free space given back, tables laid out afresh, 16 KiB pages; stop the server first',
    )
    .action(async () => {
      const { db } = cliConfig(ctx);
      const { isPostgresUrl, compactSqliteFile } = await import('../../db/dialects/dialect.js');
      if (isPostgresUrl(db) || db === ':memory:')
        throw new DomainError(
          'UNSUPPORTED_FORMAT',
          'compact rewrites a SQLite file; PostgreSQL reclaims space by itself (autovacuum) or with VACUUM FULL',
        );
      // Migrated first, so that the rewrite lays out the schema the service will use.
      await (await openRuntime(ctx)).close();
      const { before, after } = compactSqliteFile(resolve(db));
      const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
      ctx.stdout.write(
        `compacted ${resolve(db)}: ${mb(before.bytes)} MiB in pages of ${before.pageBytes} bytes, now ${mb(after.bytes)} MiB in pages of ${after.pageBytes} bytes\n`,
      );
    });
}
