/**
 * `whereabouts link LEFT.csv RIGHT.csv --id COL [--field TYPE=COL ...] [--threshold P] [--out FILE] [--many]`
 * writes `left_id,right_id,probability`, one row per linked pair, one-to-one unless --many.
 */
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { link, serialiseModel } from '../../matching/index.js';
import type { CliContext } from '../context.js';
import {
  addMatchOptions,
  loadModel,
  loadRecords,
  parseThreshold,
  progressPrinter,
  writeOutput,
  type MatchCliOptions,
} from './dedupe.js';

/** Registers `link`. */
export function registerLink(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('link')
    .argument('<left>', 'left CSV file')
    .argument('<right>', 'right CSV file')
    .description(
      'link the records of two lists that are the same person; writes left_id,right_id,probability',
    )
    .option('--many', 'keep every pair above the threshold, not only the best one-to-one links');
  addMatchOptions(cmd).action(
    async (leftFile: string, rightFile: string, opts: MatchCliOptions & { many?: boolean }) => {
      const threshold = parseThreshold(opts.threshold);
      const model = loadModel(opts.model);
      const left = await loadRecords(leftFile, opts);
      const right = await loadRecords(rightFile, opts);
      const progress = progressPrinter(ctx, 'link');
      const result = await link(left, right, {
        ...(threshold !== undefined && { threshold }),
        many: opts.many === true,
        ...(model && { model }),
        train: opts.train,
        onProgress: progress,
      });
      const rows = result.links.map((l) => [left[l.left]!.id, right[l.right]!.id, l.probability.toFixed(6)]);
      writeOutput(ctx, stringify([['left_id', 'right_id', 'probability'], ...rows]), opts.out);
      if (opts.saveModel) writeOutput(ctx, serialiseModel(result.run.model), opts.saveModel);
      ctx.stderr.write(
        `link: ${left.length} × ${right.length} records, ${result.run.candidates.count} pairs compared, ${result.links.length} links (model ${result.run.model.version})\n`,
      );
    },
  );
}
