/** The questionnaire designer's API methods: XLSForm import/export and live validation (dependency-free: the preload bundles this list). */
export const FORM_METHODS = ['form.importXlsForm', 'form.exportXlsForm', 'form.validate'] as const;
