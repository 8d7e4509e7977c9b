import type { z } from 'zod';
import type { Project } from '../../db';
import type { HandlerContext } from './handlers';

/**
 * One area's slice of the API (questionnaire, entry, series, analysis, ...): its contract and a
 * handler factory. Areas live in electron/api/<area>/ as names.ts (dependency-free, for the
 * preload), contract.ts and handlers.ts, and are merged in methods.ts, contract.ts and
 * handlers.ts. This keeps each area's work in its own files.
 */
export type AreaContract = Record<string, { input: z.ZodType; output: unknown }>;

export type AreaHandlers<C extends AreaContract> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<C[M]['output']> | C[M]['output'];
};

/** What an area's handlers may use of the session. */
export interface AreaSession {
  readonly ctx: HandlerContext;
  requireProject(): Project;
  /** Tells the shell and the renderer's counts that the project's content changed. */
  touched(): void;
}

/** Phantom value that carries an output type in a contract (no runtime content). */
export function returns<T>(): T {
  return undefined as T;
}
