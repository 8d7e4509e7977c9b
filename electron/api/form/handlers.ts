import { isAbsolute, resolve } from 'node:path';
import { validateQuestionnaire } from '../../../analysis/form/types';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import type { formContract } from './contract';
import { exportXlsFormFile, FormFileError, importXlsFormFile, lostAnswers } from './service';

function toApiError(e: unknown): never {
  if (e instanceof FormFileError) {
    if (e.kind === 'file') throw new ApiError('NOT_FOUND', e.message, 'path');
    if (e.kind === 'replace') throw new ApiError('BAD_INPUT', e.message, 'replace');
    throw new ApiError('BAD_INPUT', e.message, 'path');
  }
  throw e;
}

export function formHandlers(session: AreaSession): AreaHandlers<typeof formContract> {
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(session.ctx.shell.defaultFolder, p));
  return {
    'form.importXlsForm': ({ path, replace }) => {
      const db = session.requireProject().db;
      try {
        const result = importXlsFormFile(db, absolute(path), replace === true);
        session.touched();
        return result;
      } catch (e) {
        return toApiError(e);
      }
    },
    'form.exportXlsForm': ({ path }) => {
      const db = session.requireProject().db;
      let target = absolute(path);
      if (!/\.xlsx$/i.test(target)) target += '.xlsx';
      try {
        return exportXlsFormFile(db, target);
      } catch (e) {
        return toApiError(e);
      }
    },
    'form.validate': ({ questionnaire }) => {
      const db = session.requireProject().db;
      return { problems: validateQuestionnaire(questionnaire), lost: lostAnswers(db, questionnaire) };
    },
  };
}
