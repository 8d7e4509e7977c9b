export { ProjectError, type ProjectErrorCode } from './errors';
export { newId, nowIso } from './ids';
export { migrate, schemaVersion, KAJIAN_APPLICATION_ID } from './migrate';
export { LATEST_SCHEMA_VERSION, migrations } from './migrations';
export { createProject, openProject, inspectProjectFile, backupPathFor, setDefaultNativeBinding, type Project, type OpenOptions } from './project';
export { getProjectInfo, setProjectTitle, COUNTED_ENTITIES, type ProjectInfo, type CountedEntity } from './queries/project-info';
