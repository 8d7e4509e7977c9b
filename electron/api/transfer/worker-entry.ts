import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker's code is: the .ts source under tsx (dev, tests, serve, CLI), the bundled .cjs
 * beside the bundle in Electron (scripts/build-electron.mjs writes each). `source` is the .ts
 * file's name in this folder, `bundled` the .cjs name.
 */
export function workerEntry(source: string, bundled: string): { file: string; eval: boolean } {
  const url: string | undefined = (import.meta as { url?: string }).url;
  // Under tsx a module's URL may carry a ?tsx-namespace=... query (inside a worker it started).
  if (url && url.split('?')[0]!.endsWith('.ts')) {
    // A worker does not inherit tsx's loader: a small script registers it, then imports the TypeScript entry.
    const entry = fileURLToPath(new URL(`./${source}`, url.split('?')[0]));
    return { file: `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(pathToFileURL(entry).href)}, ${JSON.stringify(url)}));`, eval: true };
  }
  const dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  // Packaged: workers are unpacked beside app.asar (electron-builder.yml asarUnpack), since a
  // worker thread's script is not read through Electron's asar support.
  const inAsar = join(dir, bundled);
  const unpacked = inAsar.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const file = unpacked !== inAsar && existsSync(unpacked) ? unpacked : inAsar;
  if (!existsSync(file)) throw new Error(`a worker is missing (${file}); run "npm run build:electron"`);
  return { file, eval: false };
}
