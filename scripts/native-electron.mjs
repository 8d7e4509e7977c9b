// Builds better-sqlite3 for the installed Electron's ABI into .native/electron-<version>/, beside
// (never over) the Node build in node_modules that vitest, the CLI and the browser transport use.
// The Electron main process loads it through better-sqlite3's `nativeBinding` option, so
// `npm test` and `npm start` keep working in either order.
//
// The user npmrc on some machines sets nodedir=/usr, which would silently build against Node's
// headers: this script removes every nodedir setting from the environment and passes Electron's
// header URL explicitly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const outDir = join(root, '.native', `electron-${electronVersion}`);
const out = join(outDir, 'better_sqlite3.node');

export function electronBindingPath() {
  return out;
}

if (process.argv.includes('--print')) {
  console.log(out);
  process.exit(0);
}

if (existsSync(out) && !process.argv.includes('--force')) {
  process.exit(0);
}

const work = join(root, '.native', `build-${electronVersion}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const source = dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, join(work, 'better-sqlite3'), { recursive: true, filter: (p) => !p.includes(`${source}/build`) });

const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|node_gyp|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
env.npm_config_nodedir = '';

console.log(`Building the database module for Electron ${electronVersion} (one time, about a minute)…`);
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const r = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--devdir=${join(root, '.native', 'headers')}`],
  { cwd: join(work, 'better-sqlite3'), env, stdio: 'inherit' },
);
if (r.status !== 0) {
  console.error('Could not build the database module for Electron (the Electron headers need a network connection the first time).');
  process.exit(r.status ?? 1);
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), out);
rmSync(work, { recursive: true, force: true });
console.log(`Database module for Electron ${electronVersion}: ${out}`);
