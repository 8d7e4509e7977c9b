import { questionnaireEn } from './areas/questionnaire';
import { surveyEn } from './areas/survey';
import { seriesEn } from './areas/series';
import { entryEn } from './areas/entry';
import { sampleEn } from './areas/sample';
import { regressionEn } from './areas/regression';
import { transferEn } from './areas/transfer';
import type { Messages } from './id';

/** English: must provide every key of the Indonesian messages (the type checker enforces it). */
export const en: Messages = {
  appName: 'Kajian',
  tagline: 'Offline mixed-methods social research: questionnaires, qualitative coding, statistics and reports.',
  language: { label: 'Language', id: 'Bahasa Indonesia', en: 'English' },
  start: {
    heading: 'Start',
    newProject: 'New project',
    newProjectHint: 'One study is kept in one .kajian file on this computer.',
    title: 'Study title',
    titlePlaceholder: 'e.g. BPJS Ketenagakerjaan and informal workers',
    location: 'File location',
    locationHint: 'Full path of the .kajian file to create.',
    chooseLocation: 'Choose location…',
    create: 'Create project',
    openProject: 'Open project',
    openHint: 'Full path of an existing .kajian file.',
    filePath: 'File path',
    chooseFile: 'Choose file…',
    open: 'Open',
    recent: 'Recent files',
    recentEmpty: 'No project opened yet. Create a new project or open a .kajian file.',
    missing: 'not found',
    removeRecent: (name: string) => `Remove ${name} from the list`,
    browserMode: 'Browser mode: Kajian runs on this computer only (127.0.0.1).',
  },
  shell: {
    areas: 'Work areas',
    closeProject: 'Close project',
    rename: 'Rename',
    save: 'Save',
    cancel: 'Cancel',
    file: 'File',
    migrated: (from: number, backup: string) => `Project updated from format ${from}; backup copy: ${backup}`,
  },
  areas: {
    overview: 'Overview',
    questionnaire: 'Questionnaire',
    entry: 'Data entry',
    data: 'Data',
    analysis: 'Analysis',
    qualitative: 'Qualitative',
    fgd: 'FGD',
    report: 'Report',
  },
  overview: {
    heading: 'Project overview',
    created: 'Created',
    schema: 'File format',
    contents: 'Contents',
    entity: 'Kind of data',
    count: 'Count',
  },
  entities: {
    questionnaires: 'Questionnaires',
    questions: 'Questions',
    choice_lists: 'Choice lists',
    respondents: 'Respondents',
    responses: 'Responses',
    answers: 'Answers',
    documents: 'Documents',
    cases: 'Cases',
    codes: 'Codes',
    segments: 'Coded segments',
    memos: 'Memos',
    coders: 'Coders',
    fgd_sessions: 'FGD sessions',
    fgd_participants: 'FGD participants',
    fgd_ratings: 'FGD ratings',
    series: 'Time-series values',
    saved_analyses: 'Saved analyses',
    audit_log: 'Audit log entries',
  },
  empty: {
    questionnaire: (n: number) =>
      n === 0 ? 'This project has no questions yet. The questionnaire designer and XLSForm import will be here.' : `This project has ${n} questions.`,
    entry: (n: number) =>
      n === 0 ? 'No responses yet. Keyboard data entry will be here once a questionnaire exists.' : `${n} responses entered.`,
    data: (n: number) => (n === 0 ? 'No data to show yet. The responses table will appear here.' : `${n} responses stored.`),
    analysis: (n: number) =>
      n === 0 ? 'No saved analyses yet. Frequencies, crosstabs, the index and regressions will be here.' : `${n} saved analyses.`,
    qualitative: (n: number) => (n === 0 ? 'No interview transcripts yet. Document coding will be here.' : `${n} documents in the project.`),
    fgd: (n: number) => (n === 0 ? 'No FGD sessions recorded yet.' : `${n} FGD sessions recorded.`),
    report: (n: number) =>
      n === 0 ? 'The Excel report pack is built from saved analyses; there are none to report yet.' : `${n} analyses ready for the report.`,
  },
  errors: {
    BAD_INPUT: 'Invalid input',
    UNKNOWN_METHOD: 'Unknown request',
    FORBIDDEN: 'Access refused. Open the full address Kajian printed.',
    NO_PROJECT: 'No project is open.',
    NOT_FOUND: 'File or folder not found.',
    EXISTS: 'A file with that name already exists. Choose another name.',
    NOT_KAJIAN: 'This file is not a Kajian project.',
    CORRUPT: 'The project file is damaged and cannot be opened. The file was not changed.',
    TOO_NEW: 'This project was made by a newer version of Kajian. Update Kajian to open it. The file was not changed.',
    LOCKED: 'The file is in use by another program.',
    MIGRATION_FAILED: 'The project could not be updated; the file was not changed.',
    INTERNAL: 'Something unexpected went wrong.',
    required: 'Required.',
  },
  entry: entryEn,
  series: seriesEn,
  survey: surveyEn,
  sample: sampleEn,
  regression: regressionEn,
  questionnaire: questionnaireEn,
  transfer: transferEn,
  about: {
    title: 'About Kajian',
    version: (v: string) => `Version ${v}`,
    close: 'Close',
  },
};
