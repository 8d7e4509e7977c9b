// The import rules of DESIGN.md, as data and one checking function (used by check-imports.mjs and its test).
//   analysis/  pure: no node:* / Node built-ins, no 'electron', nothing from db/, electron/ or renderer/
//   db/        no 'electron', nothing from renderer/ or electron/
//   renderer/  no db/, no node:* / Node built-ins, no 'electron' (types from electron/api/ only)
//   'electron' only in electron/main.ts and electron/preload.ts
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const RENDERER_MAY_IMPORT = new Set(['electron/api/contract', 'electron/api/envelope', 'electron/api/methods']);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]);
const isElectron = (spec) => spec === 'electron' || spec.startsWith('electron/');

const IMPORT_RE = /(?:^|[\s;{}])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a source file imports (static, dynamic, require, export-from), with whether it is type-only. */
export function importsWithKind(source) {
  const found = [];
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of withoutComments.matchAll(IMPORT_RE)) found.push({ spec: m[2] ?? m[3] ?? m[4], typeOnly: Boolean(m[1]) });
  return found;
}

export function importsOf(source) {
  return importsWithKind(source).map((i) => i.spec);
}

/** The rule violations of one file (path relative to the repository root, with '/' separators). */
export function violations(root, file, source) {
  const top = file.split('/')[0];
  const problems = [];
  for (const { spec, typeOnly } of importsWithKind(source)) {
    const target = spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)).split(sep).join('/') : null;
    const targetTop = target?.split('/')[0];
    const say = (why) => problems.push(`${file}: imports "${spec}": ${why}`);
    if (isElectron(spec) && !(file === 'electron/main.ts' || file === 'electron/preload.ts')) say("only electron/main.ts and electron/preload.ts may import 'electron'");
    if (top === 'analysis') {
      if (isBuiltin(spec) && !file.endsWith('.test.ts')) say('analysis/ is pure: no Node built-ins');
      if (targetTop && targetTop !== 'analysis') say('analysis/ imports nothing outside analysis/');
    }
    if (top === 'db') {
      if (targetTop === 'renderer' || targetTop === 'electron') say('db/ must not import renderer/ or electron/');
    }
    if (top === 'renderer') {
      if (isBuiltin(spec)) say('renderer/ must not import Node built-ins');
      if (targetTop === 'db') say('renderer/ must not import db/ (use the API client)');
      const apiTypes = typeOnly && target?.startsWith('electron/api/');
      if (targetTop === 'electron' && !apiTypes && !RENDERER_MAY_IMPORT.has(target.replace(/\.(ts|js)$/, ''))) say('renderer/ may import only types from electron/api/ (and the contract, envelope and method names)');
      if (spec === 'better-sqlite3') say('renderer/ must not import the database driver');
    }
  }
  return problems;
}

export const CHECKED_FOLDERS = ['analysis', 'db', 'electron', 'renderer'];
export const CHECKED_EXTENSIONS = ['.ts', '.svelte', '.mts', '.js', '.mjs'];
export { join };
