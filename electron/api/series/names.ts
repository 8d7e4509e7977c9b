/** The administrative-series area's API methods (dependency-free: the preload bundles this list). */
export const SERIES_METHODS = ['series.list', 'series.save', 'series.delete', 'series.import', 'series.analyse'] as const;
