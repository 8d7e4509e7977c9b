/** The regression area's API methods (dependency-free: the preload bundles this list). */
export const REGRESSION_METHODS = [
  'regression.variables',
  'regression.run',
  'regression.saved.list',
  'regression.saved.save',
  'regression.saved.open',
  'regression.saved.delete',
] as const;
