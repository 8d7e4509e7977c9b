import type { Migration } from './types';

/**
 * Indexes for the lookups the entry and analysis screens make: the series by indicator and
 * year, saved analyses by kind, and coded segments per coder (agreement).
 */
export const migration002: Migration = {
  version: 2,
  name: 'lookup indexes',
  up(db) {
    db.exec(`
      CREATE INDEX series_by_indicator ON series (indicator, kind, year);
      CREATE INDEX saved_analyses_by_kind ON saved_analyses (kind, name);
      CREATE INDEX segments_by_coder ON segments (coder_id, document_id);
    `);
  },
};
