/**
 * Questionnaires: the model (./types), the expression language (./expr) and XLSForm import
 * and export (./xlsform). Import from './form/types' or './form/expr' directly where the
 * spreadsheet library is not wanted (it is pulled in only by ./xlsform).
 */
export * from './types';
export * from './expr/index';
export * from './xlsform';
