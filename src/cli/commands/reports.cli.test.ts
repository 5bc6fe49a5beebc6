// The `reports extract` command: the JSON contract, the readable summary, and errors as exit codes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

const fixtures = fileURLToPath(new URL('../../../../src/reports/fixtures/', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { stdout, stderr });
  return { code, out, err };
}

describe('whereabouts reports extract', () => {
  test('--json prints the contract document', async () => {
    const { code, out } = await run([
      'reports',
      'extract',
      `${fixtures}01-ministry-day1.txt`,
      `${fixtures}02-ministry-day2.txt`,
      '--json',
    ]);
    assert.equal(code, 0);
    const doc = JSON.parse(out) as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(doc).slice(0, 3), ['reports', 'people', 'reconciliation']);
    const report = doc.reports![0] as Record<string, unknown>;
    for (const key of [
      'file',
      'published',
      'figures',
      'persons',
      'places',
      'organizations',
      'quotes',
      'authors',
      'framing',
    ])
      assert.ok(key in report, key);
    const figure = (report.figures as Record<string, unknown>[])[0]!;
    assert.deepEqual(Object.keys(figure).slice(0, 8), [
      'count',
      'category',
      'population',
      'includedIn',
      'window',
      'attributedTo',
      'hedged',
      'sentence',
    ]);
    assert.deepEqual(Object.keys(figure.window as object), ['from', 'to', 'kind']);
    assert.ok((doc.reconciliation as { kind: string }[]).some((r) => r.kind === 'sum'));
  });

  test('--published overrides the date found in the text', async () => {
    const { out } = await run([
      'reports',
      'extract',
      `${fixtures}01-ministry-day1.txt`,
      '--published',
      '2026-04-01',
      '--json',
    ]);
    const doc = JSON.parse(out) as { reports: { published: string }[] };
    assert.equal(doc.reports[0]!.published, '2026-04-01');
  });

  test('without --published the dateline dates the report; without either, windows stay open and say so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-reports-'));
    const datelined = join(dir, 'datelined.txt');
    const dateless = join(dir, 'dateless.txt');
    writeFileSync(
      datelined,
      'ZARICHNE, 17.05.2022 (Invented Wire) - Since Monday, 264 fighters have surrendered.\n',
    );
    writeFileSync(dateless, 'In the last 24 hours, 100 fighters surrendered. Another 40 were evacuated.\n');
    const { code, out } = await run(['reports', 'extract', datelined, dateless, '--json']);
    assert.equal(code, 0);
    type Entry = {
      published: string | null;
      dating: { source: string | null; note: string | null };
      figures: { window: { from: string | null; to: string | null }; relative: string | null }[];
    };
    const [a, b] = (JSON.parse(out) as { reports: Entry[] }).reports;
    assert.equal(a!.published, '2022-05-17');
    assert.deepEqual(a!.figures[0]!.window, { from: '2022-05-16', to: '2022-05-17', kind: 'cumulative' });
    assert.equal(b!.published, null);
    assert.equal(b!.dating.source, null);
    assert.deepEqual(
      b!.figures.map((f) => [f.window.from, f.window.to, f.relative]),
      [
        [null, null, 'In the last 24 hours'],
        [null, null, 'In the last 24 hours'],
      ],
    );
    const summary = await run(['reports', 'extract', dateless]);
    assert.match(summary.out, /date +no publication date/);
  });

  test('without --json a readable summary is printed', async () => {
    const { code, out } = await run(['reports', 'extract', `${fixtures}03-outlet-evacuation.html`]);
    assert.equal(code, 0);
    assert.match(out, /Denys Varchuk/);
    assert.doesNotMatch(out, /^\s*\{/);
  });

  test('a missing file is NOT_FOUND (exit 4), a bad date is an input error (exit 3)', async () => {
    assert.equal((await run(['reports', 'extract', `${fixtures}nope.txt`])).code, 4);
    assert.equal(
      (await run(['reports', 'extract', `${fixtures}01-ministry-day1.txt`, '--published', '12/03/2026']))
        .code,
      3,
    );
  });

  test('empty and foreign files still give an entry with a reason', async () => {
    const { code, out } = await run([
      'reports',
      'extract',
      `${fixtures}12-empty.txt`,
      `${fixtures}08-not-english.txt`,
      '--json',
    ]);
    assert.equal(code, 0);
    const doc = JSON.parse(out) as { reports: { reason: string | null; figures: unknown[] }[] };
    assert.deepEqual(
      doc.reports.map((r) => [r.figures.length, typeof r.reason]),
      [
        [0, 'string'],
        [0, 'string'],
      ],
    );
  });
});
