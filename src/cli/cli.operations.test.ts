import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const BIN = 'bin/whereabouts';

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, WHEREABOUTS_LOG_LEVEL: 'silent' },
  });
}

test('first run: serve prints a one-time setup link that creates the administrator; health answers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-cli-'));
  const db = join(dir, 'reg.sqlite');
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
    env: { ...process.env, WHEREABOUTS_LOG_LEVEL: 'silent' },
  });
  try {
    let out = '';
    const link = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no setup link in: ${out}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/\S+\/setup\?token=(\S+))/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const address = /serving on (http:\/\/[^\s]+)/.exec(out)![1]!;
    const token = new URL(link).searchParams.get('token')!;
    const health = await fetch(`${address}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { setupRequired: boolean }).setupRequired, true);
    const page = await fetch(`${address}/setup?token=${token}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form/i);
    const setup = await fetch(`${address}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        username: 'chief',
        displayName: 'Chief officer',
        password: 'a long enough password',
      }),
    });
    assert.equal(setup.status, 201);
    const again = await fetch(`${address}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        username: 'chief2',
        displayName: 'X',
        password: 'a long enough password',
      }),
    });
    assert.equal(again.status, 409);
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chief', password: 'a long enough password' }),
    });
    assert.equal(login.status, 200);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('user add, user token, search, backup and audit verify from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-cli-'));
  const db = join(dir, 'reg.sqlite');
  try {
    const added = run(
      ['--db', db, 'user', 'add', 'olena', '--role', 'tracing_officer', '--name', 'Olena'],
      'a long enough password\n',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /added olena \(tracing_officer\)/);
    const dup = run(['--db', db, 'user', 'add', 'olena', '--role', 'analyst'], 'another long password\n');
    assert.equal(dup.status, 5, 'ALREADY_EXISTS maps to the conflict exit code');
    const short = run(['--db', db, 'user', 'add', 'petro', '--role', 'analyst'], 'short\n');
    assert.equal(short.status, 3);
    assert.match(short.stderr, /password/);
    const token = run(['--db', db, 'user', 'token', 'olena', '--name', 'laptop']);
    assert.equal(token.status, 0);
    assert.match(token.stdout.trim(), /^wa_[A-Za-z0-9_-]{20,}$/);
    assert.equal(run(['--db', db, 'user', 'token', 'nobody', '--name', 'x']).status, 4);
    assert.equal(
      run(['--db', db, 'user', 'add', 'x', '--role', 'emperor'], 'a long enough password\n').status,
      2,
    );
    const search = run(['--db', db, 'search', 'Kovalchuk', '--json']);
    assert.equal(search.status, 0, search.stderr);
    assert.deepEqual(JSON.parse(search.stdout).items, []);
    const backup = join(dir, 'copy.sqlite');
    assert.equal(run(['--db', db, 'backup', backup]).status, 0);
    assert.ok(existsSync(backup));
    const copy = new SQLite(backup, { readonly: true });
    assert.equal((copy.prepare('select count(*) n from users').get() as { n: number }).n, 1);
    copy.close();
    assert.equal(
      run(['--db', db, 'backup', backup]).status,
      5,
      'an existing file is not overwritten without --force',
    );
    const verify = run(['--db', db, 'audit', 'verify']);
    assert.equal(verify.status, 0);
    assert.match(verify.stdout, /audit log intact/);
    assert.equal(run(['--db', db, 'audit', 'verify', '--anchor', 'nonsense']).status, 3);
    assert.equal(run(['nonexistent-command']).status, 2);
    const help = run(['user', 'add', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--role/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compact rewrites a SQLite file made with small pages into large ones, keeping every row; refused while in use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-cli-'));
  const db = join(dir, 'old.sqlite');
  try {
    const old = new SQLite(db);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.close();
    const added = run(
      ['--db', db, 'user', 'add', 'olena', '--role', 'tracing_officer'],
      'a long enough password\n',
    );
    assert.equal(added.status, 0, added.stderr);
    const open = new SQLite(db);
    assert.equal(open.pragma('page_size', { simple: true }), 4096, 'an existing file keeps its pages');
    assert.equal((open.prepare('select count(*) n from users').get() as { n: number }).n, 1);
    const busy = run(['--db', db, 'compact']);
    assert.equal(busy.status, 5, busy.stderr);
    assert.match(busy.stderr, /in use/);
    open.close();
    const done = run(['--db', db, 'compact']);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /pages of 4096 bytes, now .* pages of 16384 bytes/);
    const after = new SQLite(db, { readonly: true });
    assert.equal(after.pragma('page_size', { simple: true }), 16384);
    assert.equal(after.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(after.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((after.prepare('select count(*) n from users').get() as { n: number }).n, 1);
    after.close();
    const verify = run(['--db', db, 'audit', 'verify']);
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /audit log intact/);
    assert.equal(run(['--db', 'postgres://nobody@127.0.0.1:1/none', 'compact']).status, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
