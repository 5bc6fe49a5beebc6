/** `whereabouts search`: ranked candidates from the registry, with explanations; `review scan`. */
import type { Command } from 'commander';
import { DomainError, systemActor } from '../../domain/index.js';
import type { CliContext } from '../context.js';
import { withRuntime } from '../runtime.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerSearch(program: Command, ctx: CliContext): void {
  program
    .command('search [query]')
    .description('find persons in the registry across scripts and spellings, ranked, with explanations')
    .option(
      '--field <type=value>',
      'a structured field (repeatable), e.g. family_name=Kovalchuk date_of_birth=1994-03-05',
      collect,
      [],
    )
    .option('--limit <n>', 'how many candidates', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'print JSON')
    .action(async (query: string | undefined, opts: { field: string[]; limit: number; json?: boolean }) => {
      const fields: Record<string, string> = {};
      for (const f of opts.field) {
        const i = f.indexOf('=');
        if (i <= 0) throw new DomainError('VALIDATION_FAILED', `--field ${f}: expected TYPE=VALUE`);
        fields[f.slice(0, i)] = f.slice(i + 1);
      }
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.persons.search(
          { ...systemActor, via: 'cli' },
          { ...(query && { q: query }), ...(opts.field.length && { fields }), limit: opts.limit },
        );
        if (opts.json) {
          ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        ctx.stdout.write(`${r.items.length} of ${r.candidates} candidates (model ${r.modelVersion})\n`);
        for (const hit of r.items) {
          const name =
            [hit.fields.family_name, hit.fields.given_name, hit.fields.patronymic]
              .filter(Boolean)
              .join(' ') ||
            hit.fields.name_original ||
            '(no name)';
          ctx.stdout.write(
            `${hit.probability.toFixed(3)}  ${hit.id}  ${name}  ${hit.fields.date_of_birth ?? ''}  [${hit.state}]\n`,
          );
          for (const c of hit.explanation.contributions)
            if (c.weight !== 0)
              ctx.stdout.write(
                `         ${c.comparison}: ${c.label} ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)}\n`,
              );
        }
      });
    });
  const review =
    program.commands.find((c) => c.name() === 'review') ??
    program.command('review').description('the review queue');
  review
    .command('scan')
    .description('scan the whole registry for duplicate candidates and queue them for review')
    .action(async () => {
      await withRuntime(ctx, async (rt) => {
        const r = await rt.app.review.scan({ ...systemActor, via: 'cli' }, {}, (done) => {
          if (ctx.interactive) ctx.stderr.write(`\rscanned ${done} persons`);
        });
        if (ctx.interactive) ctx.stderr.write('\n');
        ctx.stdout.write(`scanned ${r.persons} persons; queued ${r.queued} candidate pairs for review\n`);
      });
    });
}
