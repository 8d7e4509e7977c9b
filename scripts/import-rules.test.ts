import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations (checked by the tests below)
import { importsOf, violations } from './import-rules.mjs';

const root = '/repo';
const check = (file: string, source: string): string[] => violations(root, file, source);

describe('import rules', () => {
  test('finds static, type, dynamic, require and re-export imports', () => {
    expect(importsOf(`import a from 'x';\nimport type { B } from "../y";\nexport { c } from './z';\nconst d = await import('w');\nconst e = require('v');\n// import f from 'comment'`)).toEqual(['x', '../y', './z', 'w', 'v']);
  });

  test('analysis/ must stay pure', () => {
    expect(check('analysis/stats/mean.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(check('analysis/stats/mean.ts', "import fs from 'fs';")).toHaveLength(1);
    expect(check('analysis/stats/mean.ts', "import { openProject } from '../../db';")).toHaveLength(1);
    expect(check('analysis/stats/mean.ts', "import { x } from '../regression/ols';")).toEqual([]);
    expect(check('analysis/stats/mean.test.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });

  test("only main and preload import 'electron'", () => {
    expect(check('electron/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(check('electron/preload.ts', "import { contextBridge } from 'electron';")).toEqual([]);
    expect(check('electron/api/handlers.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(check('db/project.ts', "import { app } from 'electron';")).toHaveLength(1);
  });

  test('db/ never reaches into renderer/ or electron/', () => {
    expect(check('db/project.ts', "import x from '../renderer/src/App.svelte';")).toHaveLength(1);
    expect(check('db/project.ts', "import { Session } from '../electron/api/handlers';")).toHaveLength(1);
  });

  test('renderer/ talks through the API client only', () => {
    expect(check('renderer/src/lib/x.ts', "import { openProject } from '../../../db';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import { join } from 'node:path';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import Database from 'better-sqlite3';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import { Session } from '../../../electron/api/handlers';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import { x } from '../../../electron/settings';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import type { Output } from '../../../electron/api/contract';")).toEqual([]);
    expect(check('renderer/src/lib/x.ts', "import type { Spec } from '../../../electron/api/analysis/spec';")).toEqual([]);
    expect(check('renderer/src/lib/x.ts', "import { run } from '../../../electron/api/analysis/spec';")).toHaveLength(1);
    expect(check('renderer/src/lib/x.ts', "import type { Row } from '../../../db/queries/responses';")).toHaveLength(1);
  });
});
