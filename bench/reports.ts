// Report extraction speed: `npm run bench -- reports [runs]` builds a 2,000-word report from the
// invented fixture stories (numbers and names varied per paragraph so nothing is served from a
// cache), then times extractReport on it as text and as an HTML page, and reconciliation of ten
// reports. Target: a 2,000-word report under 50 ms. Prints p50/p95 and writes bench/results/reports.json.
import { readFileSync, readdirSync } from 'node:fs';
import { buildReportsDocument, extractReport } from '../src/reports/index.js';
import type { ReportExtraction } from '../src/reports/index.js';
import { cpus, loadavg } from 'node:os';
import { machine, saveResult, summarise } from './lib-stats.js';

const runs = Number(process.argv[2] ?? 200);
const dir = 'src/reports/fixtures/';
const stories = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') && !/not-english|empty|no-subject/.test(f))
  .map((f) =>
    readFileSync(dir + f, 'utf8')
      .split(/\n\s*\n/)
      .filter((p) => p.split(' ').length > 12),
  )
  .flat();

const FAMILIES = ['Varchuk', 'Tkachuk', 'Hnatiuk', 'Melnychuk', 'Savchuk', 'Lytvyn', 'Boiko', 'Moroz'];

/** A report of about `words` words: fixture paragraphs with their numbers and names varied. */
function buildReport(words: number, seed: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const para = stories[(i * 7 + seed) % stories.length]!.replace(
      /\b\d{1,3}(?:,\d{3})+\b|\b\d{2,4}\b/g,
      (m) => vary(m, i + seed),
    ).replace(/Varchuk|Kravets|Shevchuk|Hrytsenko/g, FAMILIES[(i + seed) % FAMILIES.length]!);
    out.push(para);
    n += para.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/** A head count changed a little, written as the source wrote it; days of the month are kept. */
function vary(m: string, k: number): string {
  const n = Number(m.replace(/,/g, ''));
  if (n <= 31 || (n >= 1900 && n <= 2100 && !m.includes(','))) return m;
  const v = n + (k % 50);
  return m.includes(',') || v >= 1000 ? v.toLocaleString('en-US') : String(v);
}

function asHtml(text: string): string {
  const body = text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>Report</title><script>var x = "1,000 killed";</script><style>p{}</style></head><body><nav>Home | News</nav><div class="share">Share on Facebook</div><article><h1>Report</h1>${body}</article><footer>Follow us on Telegram</footer></body></html>`;
}

/**
 * Wall time and CPU time of each run. On a busy machine wall time includes waiting for a core;
 * CPU time is the work itself. Both are printed.
 */
function time(
  label: string,
  fn: (i: number) => unknown,
): { wall: ReturnType<typeof summarise>; cpu: ReturnType<typeof summarise> } {
  for (let i = 0; i < 20; i++) fn(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const w = summarise(wall);
  const c = summarise(cpu);
  console.log(
    `${label.padEnd(40)} wall p50 ${w.p50.toFixed(1)} ms p95 ${w.p95.toFixed(1)} ms | cpu p50 ${c.p50.toFixed(1)} ms p95 ${c.p95.toFixed(1)} ms`,
  );
  return { wall: w, cpu: c };
}

const published = '2026-03-12';
const texts = Array.from({ length: 16 }, (_, k) => buildReport(2000, k));
const htmls = texts.map(asHtml);
const words = texts[0]!.split(/\s+/).length;
const t0 = performance.now();
extractReport({ text: buildReport(2000, 99), published });
const cold = performance.now() - t0;
console.log(
  `${machine()}\nreport of ${words} words, ${runs} runs; first call (cold, loads compromise tables) ${cold.toFixed(1)} ms`,
);

const text = time('extractReport, 2,000-word text', (i) =>
  extractReport({ text: texts[i % texts.length]!, published }),
);
const html = time('extractReport, 2,000-word HTML page', (i) =>
  extractReport({ html: htmls[i % htmls.length]!, published }),
);
const ten: ReportExtraction[] = texts.slice(0, 10).map((t) => extractReport({ text: t, published }));
const rec = time('buildReportsDocument, 10 reports', () => buildReportsDocument(ten));
const figures = ten.reduce((a, r) => a + r.figures.length, 0);
console.log(
  `figures per report ≈ ${(figures / ten.length).toFixed(0)}, persons ≈ ${(ten.reduce((a, r) => a + r.persons.length, 0) / ten.length).toFixed(0)}`,
);
const met = (x: { wall: { p95: number } }): boolean => x.wall.p95 < 50;
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  `target: wall p95 < 50 ms for a 2,000-word report: text ${met(text) ? 'met' : 'NOT met'}, HTML ${met(html) ? 'met' : 'NOT met'}`,
);
console.log(
  `wrote ${saveResult('reports', { machine: machine(), words, runs, coldMs: Math.round(cold), text, html, reconcile10: rec })}`,
);
