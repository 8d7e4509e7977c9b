import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable if it is installed (never downloads it). */
export function electronBinary(): string | null {
  const dir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}
