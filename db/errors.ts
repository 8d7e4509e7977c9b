/** Why a project file could not be created or opened. Messages are English here; the UI translates by code. */
export type ProjectErrorCode =
  | 'NOT_FOUND'
  | 'EXISTS'
  | 'NOT_KAJIAN'
  | 'CORRUPT'
  | 'TOO_NEW'
  | 'LOCKED'
  | 'MIGRATION_FAILED';

export class ProjectError extends Error {
  readonly code: ProjectErrorCode;
  constructor(code: ProjectErrorCode, message: string) {
    super(message);
    this.name = 'ProjectError';
    this.code = code;
  }
}
