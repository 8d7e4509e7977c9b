import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { getProjectInfo, inspectProjectFile } from '../../../db';
import { buildSampleStudy } from '../../../resources/sample/generate';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import type { sampleContract } from './contract';
import { reproduceArticle } from './reproduce';

/** The sample-study handlers. `sample.create` only writes the file; the renderer then opens it with project.open. */
export function sampleHandlers(session: AreaSession): AreaHandlers<typeof sampleContract> {
  return {
    'sample.create': ({ path }) => {
      let target = isAbsolute(path) ? path : resolve(session.ctx.shell.defaultFolder, path);
      if (!target.toLowerCase().endsWith('.kajian')) target += '.kajian';
      if (existsSync(target)) {
        inspectProjectFile(target); // refuses (NOT_KAJIAN, TOO_NEW, ...) anything that is not an openable project
        return { path: target, created: false };
      }
      if (!existsSync(dirname(target))) throw new ApiError('NOT_FOUND', `The folder ${dirname(target)} does not exist`, 'path');
      buildSampleStudy(target);
      return { path: target, created: true };
    },
    'sample.reproduce': () => {
      const p = session.requireProject();
      return reproduceArticle(p.db, getProjectInfo(p.db).title || basename(p.path));
    },
  };
}
