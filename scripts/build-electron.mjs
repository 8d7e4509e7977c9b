// Bundles the Electron main process and the sandboxed preload to CommonJS in dist-electron/.
// better-sqlite3 stays external (a native addon); 'electron' is provided by the runtime.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3'] };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
await build({ ...common, entryPoints: ['electron/api/transfer/worker.ts'], outfile: 'dist-electron/transfer-worker.cjs' });
await build({ ...common, entryPoints: ['electron/api/transfer/reader-worker.ts'], outfile: 'dist-electron/transfer-reader.cjs' });
