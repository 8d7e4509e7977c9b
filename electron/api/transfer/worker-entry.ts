import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker's code is. Packaged and in `npm start`, the bundled .cjs beside the main bundle
 * (scripts/build-electron.mjs writes each). Running from the TypeScript sources (tests, the CLI,
 * browser mode, benchmarks), the worker is bundled the same way with esbuild, once per process,
 * into node_modules/.cache/kajian-workers/<pid>/ (so it starts as fast as the packaged one and
 * runs the same CommonJS code); without esbuild, tsx loads the source in the worker.
 * `source` is the .ts file's name in this folder, `bundled` the .cjs name.
 */
export function workerEntry(source: string, bundled: string): { file: string; eval: boolean } {
  const url: string | undefined = (import.meta as { url?: string }).url;
  // Under tsx a module's URL may carry a ?tsx-namespace=... query (inside a worker it started).
  if (url && url.split('?')[0]!.endsWith('.ts')) {
    const entry = fileURLToPath(new URL(`./${source}`, url.split('?')[0]));
    const dev = devBundle(entry, bundled, url);
    if (dev) return { file: dev, eval: false };
    // A worker does not inherit tsx's loader: a small script registers it, then imports the TypeScript entry.
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

const built = new Map<string, string | null>();
let cacheDir: string | null = null;

/** Every worker the transfer area starts: bundled together so that one may start another. */
const WORKERS: Record<string, string> = { 'transfer-worker.cjs': 'worker.ts', 'transfer-reader.cjs': 'reader-worker.ts' };

function devBundle(entry: string, bundled: string, from: string): string | null {
  if (built.has(bundled)) return built.get(bundled)!;
  let out: string | null = null;
  try {
    // The repository root: the nearest folder above this one holding node_modules/esbuild.
    const req = createRequire(from.split('?')[0]!);
    const esbuild = req('esbuild') as typeof import('esbuild');
    const root = dirname(dirname(dirname(req.resolve('esbuild/package.json'))));
    // One folder per process, kept on globalThis: each test file loads this module afresh.
    const shared = globalThis as { __kajianWorkerCache?: string };
    cacheDir ??= shared.__kajianWorkerCache ?? null;
    if (!cacheDir) {
      const base = join(root, 'node_modules', '.cache', 'kajian-workers');
      // Bundles of processes that ended without their exit handler (killed test workers) go too.
      for (const pid of existsSync(base) ? readdirSync(base) : []) if (/^\d+$/.test(pid) && !alive(Number(pid))) rmSync(join(base, pid), { recursive: true, force: true });
      cacheDir = join(base, String(process.pid));
      mkdirSync(cacheDir, { recursive: true });
      const dir = cacheDir;
      shared.__kajianWorkerCache = dir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const here = dirname(entry);
    for (const [name, src] of Object.entries(WORKERS)) {
      esbuild.buildSync({
        entryPoints: [join(here, src)],
        outfile: join(cacheDir, name),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['electron', 'better-sqlite3'],
        logLevel: 'silent',
      });
      built.set(name, join(cacheDir, name));
    }
    out = built.get(bundled) ?? null;
  } catch {
    out = null;
  }
  built.set(bundled, out);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
