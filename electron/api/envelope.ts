/** Error codes that cross the API boundary. No stack traces ever cross it. */
export type ApiErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'NO_PROJECT'
  | 'NOT_FOUND'
  | 'EXISTS'
  | 'NOT_KAJIAN'
  | 'CORRUPT'
  | 'TOO_NEW'
  | 'LOCKED'
  | 'MIGRATION_FAILED'
  | 'INTERNAL';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** For BAD_INPUT: the offending field path, e.g. "title" or "rows.3.value". */
  field?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers to return a typed error; anything else becomes INTERNAL. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}
