/**
 * Web application benchmark: with N generated persons (default 100,000) in SQLite, the time from
 * the last keystroke in the search box to the results for that query being on screen, measured in
 * the browser (Debian's Chromium); and the compressed size of the JavaScript the first page loads.
 *   npm run build:web && npm run bench -- web [--persons 100000] [--queries 60]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lazyPopulation } from '../src/matching/generate/index.js';
import { transliterate } from '../src/matching/index.js';
import { defaultWebRoot } from '../src/http/plugins/web.js';
import { openBrowser, signIn, skipReason, startWorld } from '../e2e/harness.js';
import { machine, options, saveResult, summarise } from './lib-stats.js';
import { fillRegistry } from './lib-population.js';

const opts = options(process.argv.slice(2));
const N = Number(opts['persons'] ?? 100_000);
const QUERIES = Number(opts['queries'] ?? 60);
const SEED = 2022;

/** The gzip size of every script index.html loads up front (entry and module preloads). */
function firstLoadJs(root: string): { files: number; bytes: number; gzipBytes: number } {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of new Set(srcs)) {
    const body = readFileSync(join(root, src.replace(/^\//, '')));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: new Set(srcs).size, bytes, gzipBytes };
}

// Runs in the page: remembers the time of each keystroke that changed the search box (input events:
// Cyrillic letters arrive as text input, without keydown), and resolves with the
// delay from the last one to the first frame that shows the answer to `query`.
const MEASURE = `(query) => new Promise((resolve) => {
  const box = document.querySelector('[data-testid="search-box"]');
  let last = performance.now();
  const onKey = () => { last = performance.now(); };
  box.addEventListener('input', onKey);
  const check = () => {
    const el = document.querySelector('[data-answered]');
    if (el && el.getAttribute('data-answered') === query) {
      observer.disconnect();
      box.removeEventListener('input', onKey);
      requestAnimationFrame(() => {
        const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/search') || e.name.includes('/api/persons?'));
        const r = api[api.length - 1];
        performance.clearResourceTimings();
        resolve([performance.now() - last, r ? r.responseEnd - r.requestStart : -1]);
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-answered'] });
})`;

async function main(): Promise<void> {
  const skip = skipReason();
  if (skip) {
    process.stderr.write(`web bench skipped: ${skip}\n`);
    process.exit(2);
  }
  const js = firstLoadJs(defaultWebRoot()!);
  const world = await startWorld();
  const officer = world.users.tracing_officer.actor;
  const b = await openBrowser();
  try {
    const src = await world.app.sources.create(officer, {
      kind: 'list',
      title: 'Generated list',
      reliability: 'C',
    });
    const population = lazyPopulation({ persons: N, seed: SEED });
    await fillRegistry(world.app, officer, src.id, population, N);
    await signIn(b.page, world.url, world.users.tracing_officer.username);
    const box = b.page.getByTestId('search-box');
    const samples: number[] = [];
    const server: number[] = [];
    for (let k = 0; k < QUERIES + 5; k++) {
      const p = population.at((k * 7919 + 13) % N);
      // Half the queries as written, half in Latin script as a foreign list would write them.
      const name = `${p.familyName} ${p.givenName}`;
      const query = k % 2 === 0 ? name : transliterate(name, 'ua-national-2010', 'uk');
      await box.fill('');
      const measured = b.page.evaluate(`(${MEASURE})(${JSON.stringify(query)})`) as Promise<[number, number]>;
      await box.pressSequentially(query, { delay: 35 });
      const [ms, answer] = await measured;
      if (k >= 5) {
        // the first few warm the caches
        samples.push(ms);
        server.push(answer);
      }
    }
    const result = {
      persons: N,
      queries: samples.length,
      lastKeystrokeToResultsMs: summarise(samples),
      lastRequestRoundTripMs: summarise(server),
      firstLoadJs: js,
    };
    const path = saveResult('web', result);
    process.stdout.write(
      `${machine()}\n${JSON.stringify(result, null, 2)}\n` +
        `search: p95 ${result.lastKeystrokeToResultsMs.p95} ms from the last keystroke to results (target 150 ms)\n` +
        `first load: ${(js.gzipBytes / 1024).toFixed(1)} KiB of gzipped JavaScript in ${js.files} files (target 300 KB)\n` +
        `saved ${path}\n`,
    );
  } finally {
    await b.close();
    await world.close();
  }
}

await main();
