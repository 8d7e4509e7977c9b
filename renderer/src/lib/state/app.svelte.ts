import { getContext, setContext } from 'svelte';
import type { AppInfo, ProjectSummary, Settings } from '../../../../electron/api/contract';
import { ApiCallError, call } from '../api/client';
import { I18n } from '../i18n/i18n.svelte';
import { EntryState } from './entry.svelte';

export const AREAS = ['overview', 'questionnaire', 'entry', 'data', 'analysis', 'qualitative', 'fgd', 'report'] as const;
export type Area = (typeof AREAS)[number];

/** The application's state: app info, settings, the open project, the current area. Shared through context. */
export class AppState {
  readonly i18n = new I18n();
  /** Data entry keeps its open response while the user visits other areas. */
  readonly entry: EntryState = new EntryState(this);
  info = $state<AppInfo | null>(null);
  settings = $state<Settings>({ language: 'id', recent: [] });
  project = $state<ProjectSummary | null>(null);
  area = $state<Area>('overview');
  /** The last error to show in the banner, already translated. */
  error = $state<string | null>(null);
  busy = $state(false);
  ready = $state(false);

  async load(): Promise<void> {
    await this.run(async () => {
      const [info, settings, project] = await Promise.all([call('app.info', {}), call('settings.get', {}), call('project.current', {})]);
      this.info = info;
      this.settings = settings;
      this.i18n.set(settings.language);
      this.project = project;
    });
    this.ready = true;
  }

  /** Re-reads the open project and settings (after the native menu opened or created a project). */
  async refresh(): Promise<void> {
    await this.run(async () => {
      const [settings, project] = await Promise.all([call('settings.get', {}), call('project.current', {})]);
      this.settings = settings;
      if (project?.path !== this.project?.path) this.area = 'overview';
      this.project = project;
    });
  }

  /** Translates an API error by its code, keeping the server's detail for context. */
  describe(e: unknown): string {
    const m = this.i18n.m.errors;
    if (e instanceof ApiCallError) {
      const head = m[e.code];
      return e.code === 'BAD_INPUT' || e.code === 'INTERNAL' || e.code === 'NOT_FOUND' ? `${head}: ${e.message}` : head;
    }
    return `${m.INTERNAL} ${e instanceof Error ? e.message : String(e)}`;
  }

  /** Runs an action with the busy flag set; a failure becomes the translated error banner. Returns whether it succeeded. */
  async run(action: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (e) {
      this.error = this.describe(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async setLanguage(language: 'id' | 'en'): Promise<void> {
    this.i18n.set(language);
    await this.run(async () => {
      this.settings = await call('settings.setLanguage', { language });
    });
  }

  async createProject(path: string, title: string): Promise<boolean> {
    return this.run(async () => {
      this.project = await call('project.create', { path, title });
      this.area = 'overview';
      this.settings = await call('settings.get', {});
    });
  }

  async openProject(path: string): Promise<boolean> {
    return this.run(async () => {
      this.project = await call('project.open', { path });
      this.entry.close();
      this.area = 'overview';
      this.settings = await call('settings.get', {});
    });
  }

  async renameProject(title: string): Promise<boolean> {
    return this.run(async () => {
      this.project = await call('project.rename', { title });
    });
  }

  async closeProject(): Promise<void> {
    await this.run(async () => {
      await call('project.close', {});
      this.project = null;
      this.settings = await call('settings.get', {});
    });
  }

  async removeRecent(path: string): Promise<void> {
    await this.run(async () => {
      this.settings = await call('recent.remove', { path });
    });
  }

  /** Asks the shell for a path (Electron's native dialog); null in the browser or when cancelled. */
  async pickPath(mode: 'open' | 'save', suggestedName?: string): Promise<string | null> {
    let picked: string | null = null;
    await this.run(async () => {
      picked = (await call('dialog.pickProjectPath', suggestedName ? { mode, suggestedName } : { mode })).path;
    });
    return picked;
  }
}

const KEY = Symbol('kajian.app');

export function provideApp(app: AppState): AppState {
  return setContext(KEY, app);
}

export function useApp(): AppState {
  return getContext<AppState>(KEY);
}
