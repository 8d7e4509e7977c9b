import { join } from 'node:path';
import { createProject } from '../db';
import { saveQuestionnaire } from '../db/queries/questionnaire';
import type { Questionnaire } from '../analysis/form/types';

/** Creates a project with a questionnaire in `folder` (from the test process) and returns its path. */
export function seedProject(folder: string, fileName: string, title: string, questionnaire: Questionnaire): string {
  const path = join(folder, fileName);
  const p = createProject(path, { title });
  saveQuestionnaire(p.db, questionnaire);
  p.close();
  return path;
}
