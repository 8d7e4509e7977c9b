import { basename, isAbsolute, resolve, sep } from 'node:path';
import { z } from 'zod';
import { createProject, getProjectInfo, openProject, ProjectError, setProjectTitle, LATEST_SCHEMA_VERSION, type Project } from '../../db';
import type { SettingsStore } from '../settings';
import { contract, type AppInfo, type Output, type ParsedInput, type ProjectSummary } from './contract';
import { ApiError, type Envelope } from './envelope';
import { isMethodName, type MethodName } from './methods';
import { seriesHandlers } from './series/handlers';
import { entryHandlers } from './entry/handlers';
import { analysisHandlers } from './analysis/handlers';
import { sampleHandlers } from './sample/handlers';
import { regressionHandlers } from './regression/handlers';
import { formHandlers } from './form/handlers';
import { transferHandlers } from './transfer/handlers';

/** What the hosting shell can do for the handlers (Electron shows native dialogs; the browser cannot). */
export interface ShellCapabilities {
  transport: 'electron' | 'browser';
  pickProjectPath?: (mode: 'open' | 'save', suggestedName?: string) => Promise<string | null>;
  /** A native dialog for data files: tables (CSV/XLSX), XLSForms, PNG images. */
  pickFile?: (mode: 'open' | 'save', kind: FileKind, suggestedName?: string) => Promise<string | null>;
  defaultFolder: string;
  appVersion: string;
  /** Called after the open project changes (the Electron shell updates its window title and menu). */
  onProjectChanged?: (project: ProjectSummary | null) => void;
}

export type FileKind = 'table' | 'xlsform' | 'png' | 'any';

export interface HandlerContext {
  settings: SettingsStore;
  shell: ShellCapabilities;
}

type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** The state behind one window (Electron) or one server (browser transport): at most one open project. */
export class Session {
  project: Project | null = null;
  constructor(readonly ctx: HandlerContext) {}

  requireProject(): Project {
    if (!this.project) throw new ApiError('NO_PROJECT', 'No project is open');
    return this.project;
  }

  summary(): ProjectSummary | null {
    const p = this.project;
    if (!p) return null;
    return { path: p.path, fileName: basename(p.path), info: getProjectInfo(p.db), migratedFrom: p.migratedFrom, backupPath: p.backupPath };
  }

  close(): void {
    this.project?.close();
    this.project = null;
  }

  private adopt(project: Project): ProjectSummary {
    this.close();
    this.project = project;
    const s = this.summary()!;
    this.ctx.settings.touchRecent(project.path, s.info.title);
    this.ctx.shell.onProjectChanged?.(s);
    return s;
  }

  private absolute(path: string): string {
    return isAbsolute(path) ? path : resolve(this.ctx.shell.defaultFolder, path);
  }

  /** Re-announces the open project after its content changed (counts, title). */
  touched(): void {
    this.ctx.shell.onProjectChanged?.(this.summary());
  }

  private readonly coreHandlers = {
    'app.info': (): AppInfo => ({
      name: 'Kajian',
      version: this.ctx.shell.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      transport: this.ctx.shell.transport,
      nativeDialogs: Boolean(this.ctx.shell.pickProjectPath),
      defaultFolder: this.ctx.shell.defaultFolder,
      pathSeparator: sep === '\\' ? '\\' : '/',
    }),
    'settings.get': () => this.ctx.settings.get(),
    'settings.setLanguage': ({ language }) => this.ctx.settings.setLanguage(language),
    'recent.remove': ({ path }) => this.ctx.settings.removeRecent(path),
    'dialog.pickProjectPath': async ({ mode, suggestedName }) => {
      const pick = this.ctx.shell.pickProjectPath;
      return { path: pick ? await pick(mode, suggestedName) : null };
    },
    'dialog.pickFile': async ({ mode, kind, suggestedName }) => {
      const pick = this.ctx.shell.pickFile;
      return { path: pick ? await pick(mode, kind, suggestedName) : null };
    },
    'project.create': ({ path, title }) => {
      let target = this.absolute(path);
      if (!target.toLowerCase().endsWith('.kajian')) target += '.kajian';
      return this.adopt(createProject(target, { title }));
    },
    'project.open': ({ path }) => this.adopt(openProject(this.absolute(path))),
    'project.current': () => this.summary(),
    'project.rename': ({ title }) => {
      const p = this.requireProject();
      setProjectTitle(p.db, title);
      const s = this.summary()!;
      this.ctx.settings.touchRecent(p.path, title);
      this.ctx.shell.onProjectChanged?.(s);
      return s;
    },
    'project.close': () => {
      this.close();
      this.ctx.shell.onProjectChanged?.(null);
      return null;
    },
  } satisfies Partial<Handlers>;

  /** Every method's handler, merged. Add an area's handlers here (one line). */
  readonly handlers: Handlers = {
    ...this.coreHandlers,
    ...seriesHandlers(this),
    ...entryHandlers(this),
    ...analysisHandlers(this),
    ...sampleHandlers(this),
    ...regressionHandlers(this),
    ...formHandlers(this),
    ...transferHandlers(this),
  };

  /**
   * The one entry point of both transports: rejects unknown methods, parses the input with the
   * method's schema, runs the handler and wraps the outcome in an envelope. Never throws.
   */
  async dispatch(method: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown API method: ${String(method).slice(0, 80)}` } };
    }
    const schema: z.ZodType = contract[method].input;
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(input)');
      return { ok: false, error: { code: 'BAD_INPUT', message: `${method}: ${field}: ${issue.message}`, field } };
    }
    try {
      const handler = this.handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
      if (e instanceof ProjectError) return { ok: false, error: { code: e.code, message: e.message } };
      const message = e instanceof Error ? e.message : String(e);
      console.error(`[kajian] ${method} failed:`, e);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${method}: ${message}` } };
    }
  }
}
