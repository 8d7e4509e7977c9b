import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../db/test-helpers';
import { parseArgs } from './cli/args';
import { cli } from './cli/test-cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());


describe('argument parsing', () => {
  test('flags with and without values, = form, boolean flags', () => {
    const a = parseArgs(['info', 'a.kajian', '--json', '--title', 'Studi', '--rate=15']);
    expect(a.positionals).toEqual(['info', 'a.kajian']);
    expect(a.flags.get('json')).toBe(true);
    expect(a.flags.get('title')).toBe('Studi');
    expect(a.flags.get('rate')).toBe('15');
    expect(parseArgs(['regress', 'x.csv', '--factor', 'a', '--factor=b']).flags.get('factor')).toBe('a,b');
  });
});

describe('kajian new / info', () => {
  test('creates a project and reports its counts as JSON', async () => {
    const file = join(tmp.dir, 'studi.kajian');
    const made = await cli('new', file, '--title', 'Studi BPJS');
    expect(made.code).toBe(0);
    expect(made.out).toContain('Created');
    const info = await cli('info', file, '--json');
    expect(info.code).toBe(0);
    const json = JSON.parse(info.out);
    expect(json.title).toBe('Studi BPJS');
    expect(json.schemaVersion).toBe(3);
    expect(json.counts).toMatchObject({ questions: 0, responses: 0, documents: 0, series: 0, audit_log: 0 });
    expect(Object.keys(json.counts)).toHaveLength(18);
  });

  test('errors go to stderr with a non-zero exit code', async () => {
    const missing = await cli('info', join(tmp.dir, 'tidak-ada.kajian'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/No file at/);
    const noTitle = await cli('new', join(tmp.dir, 'x.kajian'));
    expect(noTitle.code).toBe(2);
    expect(noTitle.err).toMatch(/--title is required/);
    const text = join(tmp.dir, 'notes.kajian');
    writeFileSync(text, 'not sqlite');
    expect((await cli('info', text)).err).toMatch(/not a Kajian project/);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('__proto__')).err).toMatch(/unknown command/);
  });

  test('runs as a real process through npm run -s kajian', () => {
    const file = join(tmp.dir, 'proses.kajian');
    execFileSync('npm', ['run', '-s', 'kajian', '--', 'new', file, '--title', 'Proses'], { encoding: 'utf8' });
    const out = execFileSync('npm', ['run', '-s', 'kajian', '--', 'info', file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).title).toBe('Proses');
    const bad = spawnSync('npm', ['run', '-s', 'kajian', '--', 'info', join(tmp.dir, 'nope.kajian')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/No file at/);
    expect(bad.stdout).toBe('');
  });
});
