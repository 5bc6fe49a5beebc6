/**
 * The CLI: one command per file under commands/, registered in commands/index.ts.
 * `main(argv)` returns an exit code from exit-codes.ts and never throws.
 */
import { Command, CommanderError } from 'commander';
import { isDomainError } from '../domain/errors.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import type { CliContext } from './context.js';
import { registerCommands } from './commands/index.js';

/** Builds the commander program; exported for tests. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('whereabouts')
    .description('Whereabouts: registry, matching, tracing, lists and reports for people in armed conflict.')
    .option(
      '--db <url-or-file>',
      'SQLite file path or postgres:// URL (default: $WHEREABOUTS_DB, then ./data/whereabouts.sqlite)',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  registerCommands(program, ctx);
  return program;
}

/** Runs the CLI with the given arguments (without node and script path). */
export async function main(
  argv: string[],
  io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {},
): Promise<number> {
  const stdout = (io.stdout ?? process.stdout) as CliContext['stdout'];
  const stderr = (io.stderr ?? process.stderr) as CliContext['stderr'];
  const holder: { program?: Command } = {};
  const ctx: CliContext = {
    stdout,
    stderr,
    interactive: Boolean((stderr as { isTTY?: boolean }).isTTY),
    db: () => holder.program?.opts<{ db?: string }>().db,
  };
  const program = buildProgram(ctx);
  holder.program = program;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (isDomainError(e)) {
      stderr.write(`error [${e.code}]: ${e.message}\n`);
      for (const issue of e.issues.slice(0, 50)) {
        const where = [
          issue.row !== undefined ? `line ${issue.row}` : '',
          issue.column !== undefined ? `column ${issue.column}` : '',
          issue.path ?? '',
        ]
          .filter(Boolean)
          .join(', ');
        stderr.write(`  ${where ? `${where}: ` : ''}${issue.message}\n`);
      }
      return exitCodeFor(e.code);
    }
    stderr.write(`error [INTERNAL]: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.INTERNAL;
  }
}
