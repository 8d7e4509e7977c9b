import type { ProjectSummary } from '../../../../electron/api/contract';

export type CountedEntity = keyof ProjectSummary['info']['counts'];

/** The order the overview lists entity counts in (grouped by area). */
export const COUNTED_ENTITIES_ORDER: readonly CountedEntity[] = [
  'questionnaires', 'questions', 'choice_lists', 'respondents', 'responses', 'answers',
  'documents', 'cases', 'codes', 'segments', 'memos', 'coders',
  'fgd_sessions', 'fgd_participants', 'fgd_ratings', 'series', 'saved_analyses', 'audit_log',
];
