import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from './api/handlers';
import { startBrowserTransport } from './http-transport';
import { userDataFolder } from './paths';
import { SettingsStore } from './settings';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `npm run serve [-- --port N] [--data-dir D]`: Kajian in a browser on this machine only. */
async function main(): Promise<void> {
  const portArg = argValue('--port');
  const port = portArg === undefined ? undefined : Number(portArg);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`--port must be a whole number from 0 to 65535, not "${portArg}"`);
    process.exit(2);
  }
  const rendererRoot = join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    console.error('The interface is not built yet: run `npm run build:renderer` first.');
    process.exit(1);
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const session = new Session({
    settings: SettingsStore.inFolder(argValue('--data-dir') ?? userDataFolder()),
    shell: { transport: 'browser', defaultFolder: argValue('--folder') ?? process.cwd(), appVersion: version },
  });
  const transport = await startBrowserTransport({ session, rendererRoot, ...(port !== undefined ? { port } : {}) });
  console.log(`Kajian is running in browser mode. Open this address in Chromium, Chrome, Edge or Firefox:\n${transport.url}`);
  const stop = () => {
    session.close();
    void transport.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
