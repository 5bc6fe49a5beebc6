/**
 * `npm run bench -- matching [records] [--threads N]`: deduplicates generated records (3 sources of
 * one population, Cyrillic and Latin, with their errors) end to end — prepare, block, train by EM,
 * score in worker threads, cluster — and reports time per stage, peak memory and quality.
 * Generation is not timed. Results go to bench/results/matching.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bcubedScores, blockingRecall, dedupe, pairwiseScores } from '../src/matching/index.js';
import { generatedLabelled } from './lib-generated.js';
import { peakRssBytes, resetPeakRss } from './lib-stats.js';

const RECORDS_PER_PERSON = 2.4;

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : undefined;
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 1_000_000);
  const threads = arg('--threads') ? Number(arg('--threads')) : undefined;
  let t = performance.now();
  const data = await generatedLabelled(Math.ceil(target / RECORDS_PER_PERSON), 3, 2024);
  const records = data.records.slice(0, target);
  const truth = data.truth.slice(0, target);
  const generation = (performance.now() - t) / 1000;
  console.log(
    `generated ${records.length.toLocaleString('en')} records in ${generation.toFixed(1)} s (not timed)`,
  );
  let peak = process.memoryUsage().rss;
  // Generation is not measured: the kernel's peak starts here (Linux; the sampler elsewhere).
  const kernelPeak = resetPeakRss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  t = performance.now();
  const cpu = process.cpuUsage();
  const result = await dedupe(records, {
    ...(threads !== undefined && { threads }),
    onProgress: (stage, done, total) => {
      if (done === total || stage === 'prepare')
        console.log(`  ${stage} done at ${((performance.now() - t) / 1000).toFixed(1)} s`);
    },
  });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, kernelPeak ? peakRssBytes() : 0);
  const c = result.run.candidates;
  const pw = pairwiseScores(result.clusters, truth);
  const summary = {
    records: records.length,
    seconds: Number(seconds.toFixed(1)),
    // Process CPU time across all threads: the honest figure when the machine is shared.
    cpuSeconds: Number(cpuSeconds.toFixed(1)),
    stages: result.run.timings,
    // CPU time per stage, all threads: what the stage costs whatever else runs on the machine.
    stagesCpu: result.run.cpuTimings,
    peakRssMb: Math.round(peak / 1024 / 1024),
    comparisons: c.count,
    clusters: result.clusterCount,
    pairwise: { precision: pw.precision.toFixed(4), recall: pw.recall.toFixed(4), f1: pw.f1.toFixed(4) },
    bcubedF1: bcubedScores(result.clusters, truth).f1.toFixed(4),
    blockingRecall: blockingRecall(c.left, c.right, c.count, truth).toFixed(4),
  };
  console.log(JSON.stringify(summary, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/matching.json', JSON.stringify(summary, null, 2));
}

await main();
