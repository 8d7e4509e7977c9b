/** Questionnaire and data-entry API methods (dependency-free: the preload bundles this list). */
export const ENTRY_METHODS = [
  'questionnaire.get',
  'questionnaire.save',
  'entry.new',
  'entry.open',
  'entry.answer',
  'entry.header',
  'entry.complete',
  'entry.audit',
  'entry.compare',
  'entry.resolve',
  'entry.agreement',
  'responses.list',
  'responses.delete',
  'responses.restore',
] as const;
