import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../db/test-helpers';
import { SettingsStore } from '../settings';
import { Session } from './handlers';
import { METHOD_NAMES } from './methods';
import { contract } from './contract';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function session(): Session {
  return new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 'settings')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0.1.0' } });
}

describe('dispatch', () => {
  test('every method name has a contract entry and a handler', () => {
    const s = session();
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(s.handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  test('unknown methods are rejected', async () => {
    expect(await session().dispatch('project.delete', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown API method: project.delete' },
    });
    expect((await session().dispatch(42, {})).ok).toBe(false);
  });

  test('invalid input names the field', async () => {
    const s = session();
    expect(await s.dispatch('project.create', { path: 'x.kajian', title: '   ' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'project.create: title: a title is required', field: 'title' },
    });
    const wrongType = await s.dispatch('project.create', { path: 7, title: 'A' });
    expect(wrongType.ok === false && wrongType.error.field).toBe('path');
    const extra = await s.dispatch('settings.setLanguage', { language: 'en', admin: true });
    expect(extra.ok === false && extra.error.code).toBe('BAD_INPUT');
    expect(extra.ok === false && extra.error.message).toMatch(/admin/);
    const lang = await s.dispatch('settings.setLanguage', { language: 'fr' });
    expect(lang.ok === false && lang.error.field).toBe('language');
    expect((await s.dispatch('project.open', null)).ok).toBe(false);
  });

  test('create, rename, close and reopen a project; recent files remember it', async () => {
    const s = session();
    const created = await s.dispatch('project.create', { path: 'studi', title: 'Studi BPJS' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const summary = created.value as { path: string; fileName: string; info: { title: string; schemaVersion: number } };
    expect(summary.fileName).toBe('studi.kajian');
    expect(summary.path).toBe(join(tmp.dir, 'studi.kajian'));
    expect(summary.info.title).toBe('Studi BPJS');
    const renamed = await s.dispatch('project.rename', { title: 'Studi BPJS 2024' });
    expect(renamed.ok && (renamed.value as { info: { title: string } }).info.title).toBe('Studi BPJS 2024');
    expect(await s.dispatch('project.close', {})).toEqual({ ok: true, value: null });
    expect(await s.dispatch('project.current', {})).toEqual({ ok: true, value: null });
    expect((await s.dispatch('project.rename', { title: 'x' }))).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: 'No project is open' } });
    const reopened = await s.dispatch('project.open', { path: summary.path });
    expect(reopened.ok && (reopened.value as { info: { title: string } }).info.title).toBe('Studi BPJS 2024');
    const settings = await s.dispatch('settings.get', {});
    expect(settings.ok && (settings.value as { recent: { path: string; title: string; exists: boolean }[] }).recent[0]).toMatchObject({
      path: summary.path,
      title: 'Studi BPJS 2024',
      exists: true,
    });
    s.close();
  });

  test('project errors come back typed, without stack traces', async () => {
    const s = session();
    const bogus = join(tmp.dir, 'catatan.txt');
    writeFileSync(bogus, 'bukan proyek');
    const r = await s.dispatch('project.open', { path: bogus });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NOT_KAJIAN');
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
    writeFileSync(join(tmp.dir, 'ada.kajian'), 'x');
    const exists = await s.dispatch('project.create', { path: join(tmp.dir, 'ada.kajian'), title: 'x' });
    expect(exists.ok === false && exists.error.code).toBe('EXISTS');
  });

  test('language persists in the settings file', async () => {
    const folder = join(tmp.dir, 'lang');
    const a = new Session({ settings: SettingsStore.inFolder(folder), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0' } });
    expect(await a.dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'id', recent: [] } });
    await a.dispatch('settings.setLanguage', { language: 'en' });
    const b = new Session({ settings: SettingsStore.inFolder(folder), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0' } });
    expect(await b.dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'en', recent: [] } });
  });

  test('the browser has no native dialog: picking returns null', async () => {
    expect(await session().dispatch('dialog.pickProjectPath', { mode: 'open' })).toEqual({ ok: true, value: { path: null } });
    expect(await session().dispatch('dialog.pickFile', { mode: 'open', kind: 'table' })).toEqual({ ok: true, value: { path: null } });
    const desktop = new Session({
      settings: SettingsStore.inFolder(join(tmp.dir, 'settings-desktop')),
      shell: { transport: 'electron', defaultFolder: tmp.dir, appVersion: '0', pickFile: async (mode, kind, name) => `/picked/${mode}/${kind}/${name ?? ''}` },
    });
    expect(await desktop.dispatch('dialog.pickFile', { mode: 'save', kind: 'xlsform', suggestedName: 'k.xlsx' })).toEqual({ ok: true, value: { path: '/picked/save/xlsform/k.xlsx' } });
    expect((await desktop.dispatch('dialog.pickFile', { mode: 'open', kind: 'exe' })).ok).toBe(false);
    const info = await session().dispatch('app.info', {});
    expect(info.ok && info.value).toMatchObject({ name: 'Kajian', transport: 'browser', nativeDialogs: false, schemaVersion: 3 });
  });
});
