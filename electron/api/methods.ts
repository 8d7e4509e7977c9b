import { ENTRY_METHODS } from './entry/names';
/**
 * The names of every API method: the one list the preload bridge, the main-process registration,
 * the browser transport and the renderer client are built from. Dependency-free on purpose (the
 * sandboxed preload bundles it).
 */
import { ANALYSIS_METHODS } from './analysis/names';

import { SERIES_METHODS } from './series/names';
import { SAMPLE_METHODS } from './sample/names';
import { REGRESSION_METHODS } from './regression/names';
import { FORM_METHODS } from './form/names';
import { TRANSFER_METHODS } from './transfer/names';

const CORE_METHODS = [
  'app.info',
  'settings.get',
  'settings.setLanguage',
  'recent.remove',
  'dialog.pickProjectPath',
  'dialog.pickFile',
  'project.create',
  'project.open',
  'project.current',
  'project.rename',
  'project.close',
] as const;

/** Every method name. Add an area's names here (one line), from its dependency-free names.ts. */
export const METHOD_NAMES = [...CORE_METHODS, ...ENTRY_METHODS, ...ANALYSIS_METHODS, ...SERIES_METHODS, ...SAMPLE_METHODS, ...REGRESSION_METHODS, ...FORM_METHODS, ...TRANSFER_METHODS] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/** Commands the native menu sends to the renderer (File > New project, ...). */
export const MENU_COMMANDS = ['project-changed', 'export-report', 'language-id', 'language-en', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The single IPC channel of API calls, and the one of menu commands. */
export const API_CHANNEL = 'kajian:api';
export const MENU_CHANNEL = 'kajian:menu';
