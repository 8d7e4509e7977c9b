// `npm run dist`: packages Kajian with electron-builder (needs a network connection for Electron's
// binaries and headers). Builds everything first, including the Electron build of better-sqlite3.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const step = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(npm, ['run', '-s', 'build']);
step(process.execPath, ['scripts/native-electron.mjs']);
const env = { ...process.env, KAJIAN_ELECTRON_VERSION: require('electron/package.json').version };
step(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)], env);
