/**
 * `npm run bench -- names [--tokens N] [--pairs N]`: throughput of nameKey (on tokens never seen
 * before, then on repeated ones) and of nameSimilarity on generated cross-script name pairs.
 */
import {
  CONVENTIONS,
  givenNameClasses,
  nameKey,
  nameSimilarity,
  transliterate,
} from '../src/matching/names/index.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

// Deterministic generator (mulberry32) so that runs compare.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'ко',
  'ва',
  'пе',
  'ша',
  'мі',
  'дзю',
  'хо',
  'жу',
  'ще',
  'ли',
  'ро',
  'гна',
  'тка',
  'бо',
  'са',
  'сте',
  'юр',
  'ярo',
];
const ENDINGS = ['енко', 'чук', 'юк', 'ов', 'ський', 'ич', 'ак', 'ук', 'ин', 'ко', 'ець', 'ар'];

function surname(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const s = pick(ONSETS) + pick(ONSETS) + (r() < 0.5 ? pick(ONSETS) : '') + pick(ENDINGS);
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Wall time and CPU time: on a shared machine the CPU figure is the one that compares. */
function time(label: string, n: number, fn: () => void): void {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  const rate = (t: number): string => Math.round((n / t) * 1000).toLocaleString('en');
  console.log(
    `${label.padEnd(42)} ${String(n).padStart(8)}  wall ${ms.toFixed(0).padStart(6)} ms (${rate(ms)} /s)` +
      `  cpu ${cpuMs.toFixed(0).padStart(6)} ms (${rate(cpuMs)} /s)`,
  );
}

const r = rng(42);
const tokens = arg('tokens', 1_000_000);
const pairs = arg('pairs', 200_000);
const given = givenNameClasses().flatMap((c) => [...(c.forms.uk ?? []), ...(c.forms.ru ?? [])]);

// Tokens as sources write them: a Cyrillic surname, romanised by a random convention.
const unique: string[] = [];
for (let i = 0; i < tokens; i++) {
  const cyr = surname(r) + (i % 7 === 0 ? String.fromCharCode(0x430 + (i % 32)) : '');
  unique.push(r() < 0.3 ? cyr : transliterate(cyr, CONVENTIONS[i % CONVENTIONS.length]!));
}
const distinct = new Set(unique).size;
let sink = 0;
time(`nameKey, first sight (${distinct} distinct)`, tokens, () => {
  for (const t of unique) sink += nameKey(t).length;
});
time('nameKey, repeated tokens (cached)', tokens, () => {
  for (const t of unique) sink += nameKey(t).length;
});

const left: string[] = [];
const right: string[] = [];
for (let i = 0; i < pairs; i++) {
  const fam = surname(r);
  const g = given[Math.floor(r() * given.length)]!;
  const conv = CONVENTIONS[i % CONVENTIONS.length]!;
  left.push(`${fam.toUpperCase()} ${g}`);
  right.push(i % 2 === 0 ? transliterate(`${g} ${fam}`, conv) : `${transliterate(surname(r), conv)}, ${g}`);
}
time('nameSimilarity, cross-script full names', pairs, () => {
  for (let i = 0; i < pairs; i++) sink += nameSimilarity(left[i]!, right[i]!).score;
});
// Deduplication compares each record with many candidates: the same names recur.
const pool = Math.min(2_000, pairs);
time(`nameSimilarity, ${pool} names against each other`, pairs, () => {
  for (let i = 0; i < pairs; i++) sink += nameSimilarity(left[i % pool]!, right[(i * 7919) % pool]!).score;
});
const mem = process.memoryUsage();
console.log(
  `rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB (checksum ${sink.toFixed(1)})`,
);
