// Reconciliation across the fixture reports and across small made-up statements.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractReport, extractReportFromBytes, reconcile } from '../index.js';
import type { ReportExtraction } from '../index.js';

const dir = fileURLToPath(new URL('../../../../src/reports/fixtures/', import.meta.url));
const load = (...files: string[]): ReportExtraction[] =>
  files.map((f) => extractReportFromBytes(readFileSync(`${dir}${f}`), { file: f }));

describe('reconciliation', () => {
  test('an earlier cumulative total plus a later daily count equals the later total, across reports', () => {
    const reports = load('01-ministry-day1.txt', '02-ministry-day2.txt');
    const sums = reconcile(reports).reconciliation.filter((r) => r.kind === 'sum');
    const total = (ref: [number, number]): number => reports[ref[0]]!.figures[ref[1]]!.count;
    assert.equal(sums.length, 1);
    assert.deepEqual(sums[0]!.figures.map(total), [1208, 517, 1725]);
    assert.match(sums[0]!.explanation, /1,208.*\+.*517.*=.*1,725/);
    assert.equal(sums[0]!.rule, 'sum');
  });

  test('a sum inside one report (by Wednesday, more in the next 24 hours, in all by Thursday)', () => {
    const r = extractReport({
      text: '959 fighters had surrendered by Wednesday, 771 more in the next 24 hours, 1,730 in all by Thursday.',
      published: '2026-03-12',
    });
    const found = reconcile([r]).reconciliation.find((x) => x.kind === 'sum');
    assert.deepEqual(found?.figures, [
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
  });

  test('the same figure in two reports is consistent', () => {
    const found = reconcile(load('02-ministry-day2.txt', '13-outlet-consistent.txt')).reconciliation.filter(
      (r) => r.kind === 'consistent',
    );
    assert.ok(found.some((r) => r.figures.length === 2 && r.figures[0]![0] === 0 && r.figures[1]![0] === 1));
  });

  test('different counts for the same window conflict, even under different framing', () => {
    const found = reconcile(load('01-ministry-day1.txt', '03-outlet-evacuation.html')).reconciliation.filter(
      (r) => r.kind === 'conflict',
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!.explanation, /surrendered.*evacuated/);
    assert.equal(found[0]!.rule, 'different_counts');
  });

  test('a later total smaller than an earlier one, and a sum that does not add up, are conflicts', () => {
    const a = extractReport({
      text: 'Since March 9, 1,208 fighters have surrendered.',
      published: '2026-03-11',
    });
    const b = extractReport({
      text: 'In the last 24 hours, 500 fighters surrendered. Since March 9, 1,100 fighters have surrendered in total.',
      published: '2026-03-12',
    });
    const findings = reconcile([a, b]).reconciliation;
    const kinds = findings.map((r) => r.kind);
    assert.ok(kinds.filter((k) => k === 'conflict').length >= 2, kinds.join(','));
    assert.ok(!kinds.includes('sum'));
    const rules = findings.map((r) => r.rule);
    assert.ok(rules.includes('total_falls') && rules.includes('sum_mismatch'), rules.join(','));
  });

  test('spelling variants of one person across reports are one person', () => {
    const people = reconcile(load('03-outlet-evacuation.html', '04-machine-translated.txt')).people;
    const varchuk = people.find((p) => p.name === 'Denys Varchuk');
    assert.deepEqual(varchuk?.mentions, [
      { report: 0, name: 'Denys Varchuk' },
      { report: 1, name: 'Denis Vartchuk' },
    ]);
  });

  test('framing differences between sources are listed per concept', () => {
    const diffs = reconcile(load('02-ministry-day2.txt', '04-machine-translated.txt')).framingDifferences;
    const departure = diffs.find((d) => d.for === 'departure');
    assert.deepEqual(
      departure?.terms.map((t) => t.terms.includes('surrender')),
      [true, false],
    );
  });

  test('a time series of announced figures per source, in date order', () => {
    const series = reconcile(load('02-ministry-day2.txt', '01-ministry-day1.txt')).series;
    const s = series.find(
      (x) =>
        x.source === 'Ministry of Defence' && x.category === 'surrendered' && x.population === 'fighters',
    );
    assert.deepEqual(
      s?.points.map((p) => [p.date, p.count]),
      [['2026-03-11', 1208]],
    );
    for (const x of series) {
      const dates = x.points.map((p) => p.date ?? '');
      assert.deepEqual(dates, [...dates].sort());
    }
  });
});
