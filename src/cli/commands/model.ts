/** `whereabouts model`: the registry's matching models: list, show, train, activate. */
import type { Command } from 'commander';
import { DomainError, systemActor, type Actor } from '../../domain/index.js';
import type { CliContext } from '../context.js';
import { withRuntime } from '../runtime.js';

const cli: Actor = { ...systemActor, via: 'cli' };

function json(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Registers `model list|show|train|activate`. */
export function registerModel(program: Command, ctx: CliContext): void {
  const model = program.command('model').description("the registry's matching models");
  model
    .command('list')
    .description('stored models, newest first; * marks the active one')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.models.list(cli);
        if (opts.json) return json(ctx, r);
        for (const m of r.items)
          ctx.stdout.write(`${m.active ? '*' : ' '} ${m.version}  ${m.how}  ${m.createdAt ?? 'shipped'}\n`);
      });
    });
  model
    .command('show <version>')
    .description('one model as JSON: summary, metrics and the model document')
    .action(async (version: string) => {
      await withRuntime(ctx, async (rt) => json(ctx, await rt.app.models.get(cli, version)));
    });
  model
    .command('train')
    .description("train a new version from officers' decisions or by EM on the registry (not activated)")
    .requiredOption('--from <source>', 'decisions | em')
    .option('--sample <n>', 'persons sampled for EM (default 20000)', (v) => Number(v))
    .action(async (opts: { from: string; sample?: number }) => {
      if (opts.sample !== undefined && !Number.isInteger(opts.sample))
        throw new DomainError('VALIDATION_FAILED', '--sample: expected a whole number', {
          issues: [{ path: 'sample', message: 'expected a whole number' }],
        });
      await withRuntime(ctx, async (rt) =>
        json(
          ctx,
          await rt.app.models.train(cli, { from: opts.from, ...(opts.sample && { sample: opts.sample }) }),
        ),
      );
    });
  model
    .command('rekey')
    .description("re-derive every person's blocking keys and match records (after an upgrade)")
    .action(async () => {
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.models.rekey(cli, (done, total) => {
          if (ctx.interactive) ctx.stderr.write(`\rre-keyed ${done} of ${total} persons`);
        });
        if (ctx.interactive && r.reindexed > 0) ctx.stderr.write('\n');
        json(ctx, r);
      });
    });
  model
    .command('activate <version>')
    .description('make a model the active one (re-keys the registry when its blocking rules differ)')
    .action(async (version: string) => {
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.models.activate(cli, version, (done, total) => {
          if (ctx.interactive) ctx.stderr.write(`\rre-keyed ${done} of ${total} persons`);
        });
        if (ctx.interactive && r.reindexed > 0) ctx.stderr.write('\n');
        json(ctx, r);
      });
    });
}
