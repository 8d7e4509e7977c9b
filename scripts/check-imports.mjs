// `npm run check:imports`: fails when a file breaks the import rules of DESIGN.md (see import-rules.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKED_EXTENSIONS, CHECKED_FOLDERS, violations } from './import-rules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (CHECKED_EXTENSIONS.some((e) => name.endsWith(e))) yield full;
  }
}

const problems = [];
let count = 0;
for (const folder of CHECKED_FOLDERS) {
  for (const full of walk(join(root, folder))) {
    count++;
    problems.push(...violations(root, relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8')));
  }
}
if (problems.length) {
  console.error(`Import rules broken (${problems.length}):\n` + problems.map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
console.log(`Import rules: ${count} files checked, no violations.`);
