import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('whereabouts names compare', () => {
  test('prints the score and the aligned parts', async () => {
    const r = await run(['names', 'compare', 'КОВАЛЬЧУК Андрій Миколайович', 'Kowaltschuk, Andrij']);
    assert.equal(r.code, 0);
    const score = Number(/^score (\S+)/m.exec(r.out)?.[1]);
    assert.ok(score > 0.85 && score <= 1);
    assert.match(r.out, /family .*КОВАЛЬЧУК ↔ Kowaltschuk/u);
    assert.match(r.out, /patronymic .*Миколайович ↔ —/u);
  });
  test('--json prints the score and the explanation', async () => {
    const r = await run(['names', 'compare', 'Ivan Ivanenko', 'Ivan Ivanov', '--json']);
    assert.equal(r.code, 0);
    const body = JSON.parse(r.out) as { score: number; explanation: { parts: { kind: string }[] } };
    assert.ok(body.score >= 0 && body.score < 0.6);
    assert.deepEqual(body.explanation.parts.map((p) => p.kind).sort(), ['family', 'given']);
  });
});

describe('whereabouts names score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'names-score-'));
  const input = join(dir, 'pairs.csv');
  // Semicolon-separated with a BOM, as spreadsheets export it.
  writeFileSync(
    input,
    '\uFEFFid;left;right\n1;Іван Петренко;Ivan Petrenko\n2;Ivan Ivanenko;Ivan Ivanov\n3; ;Olena\n',
  );

  test('adds a score column to every row', async () => {
    const out = join(dir, 'scored.csv');
    const r = await run(['names', 'score', input, '--left', 'left', '--right', 'right', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'id,left,right,score');
    const scores = lines.slice(1).map((l) => Number(l.split(',').pop()));
    assert.equal(scores.length, 3);
    assert.ok(scores[0]! > 0.95 && scores[1]! < 0.6 && scores[2] === 0);
  });
  test('writes to standard output without --out', async () => {
    const r = await run(['names', 'score', input, '--left', 'left', '--right', 'right']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^id,left,right,score/);
  });
  test('a missing column is an input error naming the column, and no file is left behind', async () => {
    const out = join(dir, 'never.csv');
    const r = await run(['names', 'score', input, '--left', 'left', '--right', 'nope', '--out', out]);
    assert.equal(r.code, 3);
    assert.match(r.err, /INPUT_INVALID.*nope/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
  test('a missing file is an input error', async () => {
    const r = await run(['names', 'score', join(dir, 'absent.csv'), '--left', 'a', '--right', 'b']);
    assert.equal(r.code, 3);
  });
});
