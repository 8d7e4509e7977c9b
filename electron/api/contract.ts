import { z } from 'zod';
import type { ProjectInfo } from '../../db/queries/project-info';
import type { MethodName } from './methods';

export type Language = 'id' | 'en';

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  exists: boolean;
}

export interface Settings {
  language: Language;
  recent: RecentProject[];
}

export interface AppInfo {
  name: 'Kajian';
  version: string;
  schemaVersion: number;
  transport: 'electron' | 'browser';
  /** True where the shell can show native file dialogs (Electron); the browser asks for a typed path. */
  nativeDialogs: boolean;
  /** A folder suggested for new projects (the user's documents folder or the working directory). */
  defaultFolder: string;
  pathSeparator: '/' | '\\';
}

export interface ProjectSummary {
  path: string;
  fileName: string;
  info: ProjectInfo;
  migratedFrom: number | null;
  backupPath: string | null;
}

const path = z.string().trim().min(1, 'a file path is required').max(4096, 'the path is too long');
const title = z.string().trim().min(1, 'a title is required').max(200, 'the title is longer than 200 characters');
const language = z.enum(['id', 'en']);
const none = z.strictObject({});

import { returns } from './area';
import { seriesContract } from './series/contract';
import { entryContract } from './entry/contract';
import { analysisContract } from './analysis/contract';
import { sampleContract } from './sample/contract';
import { regressionContract } from './regression/contract';
import { formContract } from './form/contract';
import { transferContract } from './transfer/contract';

/**
 * The API contract: each method's input schema and output type, declared once.
 * Handlers receive `unknown` and only ever see input that parsed with these schemas.
 */
const coreContract = {
  'app.info': { input: none, output: returns<AppInfo>() },
  'settings.get': { input: none, output: returns<Settings>() },
  'settings.setLanguage': { input: z.strictObject({ language }), output: returns<Settings>() },
  'recent.remove': { input: z.strictObject({ path }), output: returns<Settings>() },
  'dialog.pickProjectPath': {
    input: z.strictObject({ mode: z.enum(['open', 'save']), suggestedName: z.string().max(255).optional() }),
    output: returns<{ path: string | null }>(),
  },
  'dialog.pickFile': {
    input: z.strictObject({ mode: z.enum(['open', 'save']), kind: z.enum(['table', 'xlsform', 'png', 'any']), suggestedName: z.string().max(255).optional() }),
    output: returns<{ path: string | null }>(),
  },
  'project.create': { input: z.strictObject({ path, title }), output: returns<ProjectSummary>() },
  'project.open': { input: z.strictObject({ path }), output: returns<ProjectSummary>() },
  'project.current': { input: none, output: returns<ProjectSummary | null>() },
  'project.rename': { input: z.strictObject({ title }), output: returns<ProjectSummary>() },
  'project.close': { input: none, output: returns<null>() },
} as const;

/** Every method of every area, merged. Add an area's contract here (one line). */
export const contract = {
  ...coreContract,
  ...seriesContract,
  ...entryContract,
  ...analysisContract,
  ...sampleContract,
  ...regressionContract,
  ...formContract,
  ...transferContract,
} as const satisfies Record<MethodName, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M]['output'];
