import type { Bilingual } from './types';

/** Machine-readable reasons a series function refuses its input. */
export type SeriesErrorCode =
  | 'too-few-points'
  | 'non-integer-year'
  | 'duplicate-year'
  | 'missing-year'
  | 'non-finite-value'
  | 'non-positive-value'
  | 'zero-base'
  | 'invalid-target'
  | 'invalid-argument';

/** Where in the caller's input the problem sits (row is 1-based in the order given). */
export interface SeriesErrorDetail {
  year?: number;
  row?: number;
}

/**
 * Error thrown by the series functions. `message` is the English text; `messages` carries
 * Indonesian and English so the UI can show the user's language; `year` and `row` (1-based
 * position in the input array) name the offending observation when there is one.
 */
export class SeriesError extends Error {
  readonly code: SeriesErrorCode;
  readonly messages: Bilingual;
  readonly year: number | undefined;
  readonly row: number | undefined;

  constructor(code: SeriesErrorCode, messages: Bilingual, detail: SeriesErrorDetail = {}) {
    super(messages.en);
    this.name = 'SeriesError';
    this.code = code;
    this.messages = messages;
    this.year = detail.year;
    this.row = detail.row;
  }
}
