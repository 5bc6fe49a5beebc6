import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';
import { EXIT } from '../exit-codes.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(args, { stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'whereabouts-generate-'));
}

describe('whereabouts generate', () => {
  test('writes one CSV per source, the truth, a README and a manifest', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const res = await run(['generate', '--persons', '120', '--sources', '3', '--seed', '5', '--out', dir]);
    assert.equal(res.code, EXIT.OK, res.stderr);
    assert.deepEqual(readdirSync(dir).sort(), [
      'README.txt',
      'manifest.json',
      's1-ua-official.csv',
      's2-ru-official.csv',
      's3-icrc.csv',
      'truth.csv',
    ]);
    const lines = (f: string): string[] => readFileSync(join(dir, f), 'utf8').trimEnd().split('\n');
    const records = ['s1-ua-official.csv', 's2-ru-official.csv', 's3-icrc.csv'].reduce(
      (n, f) => n + lines(f).length - 1,
      0,
    );
    assert.equal(lines('truth.csv')[0], 'record_id,source,person_id');
    assert.equal(lines('truth.csv').length - 1, records);
    assert.match(res.stdout, new RegExp(`${records} records`));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      sources: { fileName: string; fields: Record<string, string> }[];
    };
    assert.equal(manifest.sources.length, 3);
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8');
    for (const s of manifest.sources) {
      assert.ok(readme.includes(s.fileName));
      const header = lines(s.fileName)[0] ?? '';
      for (const column of Object.values(s.fields)) assert.ok(header.split(',').includes(column), column);
    }
  });

  test('the same seed writes byte-identical files', async (t) => {
    const a = tempDir();
    const b = tempDir();
    t.after(() => [a, b].forEach((d) => rmSync(d, { recursive: true, force: true })));
    for (const dir of [a, b])
      assert.equal(
        (await run(['generate', '--persons', '80', '--sources', '7', '--seed', '11', '--out', dir])).code,
        0,
      );
    for (const f of readdirSync(a)) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
  });

  test('files made on worker threads are byte-identical to files made inline', async (t) => {
    const inline = tempDir();
    const threaded = tempDir();
    t.after(() => [inline, threaded].forEach((d) => rmSync(d, { recursive: true, force: true })));
    const args = ['generate', '--persons', '150', '--sources', '4', '--seed', '3'];
    assert.equal((await run([...args, '--threads', '0', '--out', inline])).code, 0);
    assert.equal((await run([...args, '--threads', '2', '--out', threaded])).code, 0);
    assert.deepEqual(readdirSync(threaded).sort(), readdirSync(inline).sort());
    for (const f of readdirSync(inline))
      assert.ok(readFileSync(join(inline, f)).equals(readFileSync(join(threaded, f))), f);
  });

  const bad: [string, string[], number, string][] = [
    ['a negative thread count', ['--threads', '-2'], EXIT.INPUT, '--threads'],
    ['a negative count of persons', ['--persons', '-5'], EXIT.INPUT, '--persons'],
    ['a fractional count of persons', ['--persons', '2.5'], EXIT.INPUT, '--persons'],
    ['no persons', ['--persons', '0'], EXIT.INPUT, '--persons'],
    ['zero sources', ['--sources', '0'], EXIT.INPUT, '--sources'],
    ['a negative count of sources', ['--sources', '-1'], EXIT.INPUT, '--sources'],
    ['a seed that is not a number', ['--seed', 'abc'], EXIT.INPUT, '--seed'],
    ['a seed beyond 32 bits', ['--seed', '4294967296'], EXIT.INPUT, '--seed'],
  ];
  for (const [what, args, code, named] of bad) {
    test(`rejects ${what}, naming the option, and writes nothing`, async (t) => {
      const dir = join(tempDir(), 'out');
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const res = await run(['generate', ...args, '--out', dir]);
      assert.equal(res.code, code);
      assert.match(res.stderr, /INPUT_INVALID/);
      assert.ok(res.stderr.includes(named), res.stderr);
      assert.throws(() => readdirSync(dir));
    });
  }

  test('rejects an --out that is a file, not a directory', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const res = await run(['generate', '--persons', '10', '--out', file]);
    assert.equal(res.code, EXIT.INPUT);
    assert.match(res.stderr, /--out/);
    assert.equal(readFileSync(file, 'utf8'), 'x');
  });

  test('rejects a missing --out with a usage error naming it', async () => {
    const res = await run(['generate', '--persons', '10']);
    assert.equal(res.code, EXIT.USAGE);
    assert.match(res.stderr, /--out/);
  });
});
