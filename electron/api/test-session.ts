import { join } from 'node:path';
import { expect } from 'vitest';
import { SettingsStore } from '../settings';
import { Session } from './handlers';

/**
 * For handler tests: a browser-transport Session with a new project open in `dir` (the file
 * `<name>-<n>`, titled `title`), and `ok` to dispatch a call that must succeed.
 */
let counter = 0;

export async function sessionWithProject(dir: string, name: string, title: string): Promise<Session> {
  const s = new Session({ settings: SettingsStore.inFolder(join(dir, 'settings')), shell: { transport: 'browser', defaultFolder: dir, appVersion: '0.1.0' } });
  const made = await s.dispatch('project.create', { path: `${name}-${++counter}`, title });
  expect(made.ok).toBe(true);
  return s;
}

/** Dispatches and returns the value; a failed call throws with its code and message. */
export async function ok<T>(s: Session, method: string, input: unknown): Promise<T> {
  const r = await s.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
