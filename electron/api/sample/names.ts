/** The sample-study area's API methods (dependency-free: the preload bundles this list). */
export const SAMPLE_METHODS = ['sample.create', 'sample.reproduce'] as const;
