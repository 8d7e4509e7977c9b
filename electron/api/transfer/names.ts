/** The import/export area's API methods (dependency-free: the preload bundles this list). */
export const TRANSFER_METHODS = ['transfer.preview', 'transfer.importStart', 'transfer.progress', 'transfer.cancel', 'transfer.import', 'transfer.export'] as const;
