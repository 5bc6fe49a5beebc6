// `npm run bench -- NAME [args]` runs dist/bench/NAME.js; without a name it lists the benchmarks.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [name, ...rest] = process.argv.slice(2);
const available = existsSync('dist/bench')
  ? readdirSync('dist/bench')
      .filter((f) => f.endsWith('.js') && !f.includes('.test.') && !f.startsWith('lib'))
      .map((f) => f.slice(0, -3))
  : [];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', `dist/bench/${name}.js`, ...rest], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
