// `npm start`: builds Kajian and opens the desktop window. Where the Electron runtime is not
// installed and cannot be downloaded, says so in one sentence and starts the browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

function electronBinary() {
  // Requiring 'electron' from Node returns the binary's path and downloads it first when missing
  // (Electron 42+ fetches lazily); without a network that fails, which we catch.
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const passThrough = process.argv.slice(2);
if (run(npm, ['run', '-s', 'build:renderer']).status !== 0) process.exit(1);

const binary = process.env.KAJIAN_BROWSER ? null : electronBinary();
if (!binary) {
  console.log('The Electron desktop runtime is not installed on this machine and could not be downloaded, so Kajian is starting in browser mode instead.');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (run(npm, ['run', '-s', 'build:electron']).status !== 0) process.exit(1);
  if (run(process.execPath, ['scripts/native-electron.mjs']).status !== 0) process.exit(1);
  const child = spawn(binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
