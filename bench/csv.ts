// CSV reader throughput: `npm run bench -- csv [rows]` writes a generated list of invented people
// (default 1,000,000 rows, about 200 MB) to a temporary file, reads it back with readCsv and
// reports rows per second and peak memory. The file is streamed both ways, never held whole.
import { createReadStream, createWriteStream, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readCsv } from '../src/interchange/index.js';

const GIVEN = ['Олена', 'Тарас', 'Ivan', 'Mariia', 'Андрій', 'Oksana', 'Дмитро', 'Yulia', 'Богдан', 'Софія'];
const FAMILY = [
  'Шевчук',
  'Kovalenko',
  'Бондаренко',
  'Tkachenko',
  'Мельник',
  'Kravchenko',
  'Олійник',
  'Lysenko',
];
const PLACES = ['Київ', 'Kharkiv', 'Маріуполь, Донецька обл.', 'Odesa', 'Львів', 'Dnipro'];

async function writeList(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,given_name,family_name,patronymic,date_of_birth,place_of_birth,unit,status,notes\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const g = GIVEN[i % GIVEN.length] as string;
    const f = FAMILY[(i * 7) % FAMILY.length] as string;
    const p = PLACES[(i * 3) % PLACES.length] as string;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    buf += `${i},${g},${f},Петрович,${day}.${month}.${1950 + (i % 55)},"${p}",в/ч А${1000 + (i % 8999)},captured,`;
    buf += `"Registered at collection point ${i % 97}; seen by ""witness"" ${i % 13}, transferred later to the regional hospital"\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'csv-bench-'));
  const path = join(dir, 'list.csv');
  try {
    await writeList(path, rows);
    const bytes = statSync(path).size;
    let peakRss = process.memoryUsage().rss;
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const table = await readCsv(createReadStream(path), { fileName: 'list.csv' });
    let n = 0;
    let chars = 0;
    for await (const row of table.rows) {
      n++;
      chars += row.values.family_name?.length ?? 0;
      if ((n & 0xffff) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const mb = bytes / 1e6;
    console.log(
      `csv read: ${n} rows, ${mb.toFixed(0)} MB (${table.encoding}, ${JSON.stringify(table.delimiter)})`,
    );
    console.log(
      `  ${seconds.toFixed(2)} s, ${Math.round(n / seconds)} rows/s, ${(mb / seconds).toFixed(1)} MB/s`,
    );
    // CPU time is the steadier figure on a shared machine, where wall time includes waiting.
    console.log(`  ${cpuSeconds.toFixed(2)} s of CPU, ${Math.round(n / cpuSeconds)} rows per CPU-second`);
    console.log(`  peak RSS ${(peakRss / 1e6).toFixed(0)} MB (checksum ${chars})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
