/** The survey-analysis area's API methods (dependency-free: the preload bundles this list). */
export const ANALYSIS_METHODS = [
  'analysis.variables',
  'analysis.frequencies',
  'analysis.crosstab',
  'analysis.index',
  'analysis.reliability',
  'analysis.summary',
  'analysis.saved.list',
  'analysis.saved.save',
  'analysis.saved.open',
  'analysis.saved.delete',
] as const;
