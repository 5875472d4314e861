import type { es } from './es';

/** English messages of the crisis import screen (namespace `crisisImport`). */
export const en: typeof es = {
  title: 'Import a list of affected nationals',
  back: 'Back to the event',
  loading: 'Loading…',
  intro:
    'Upload the list you received from authorities, airlines or hotels as CSV (UTF-8, comma or semicolon separated) or XLSX. It is checked row by row before importing; nothing is recorded until you confirm.',
  template: {
    title: 'Template',
    hint: 'Headers in Spanish or English; only "given_names" is required.',
    csv: 'Download the CSV template',
    xlsx: 'Download the XLSX template',
    saved: 'Template downloaded: {{name}}',
  },
  file: {
    label: 'CSV or XLSX file',
    none: 'No file chosen',
    choose: 'Choose file',
    chosen: 'File chosen: {{name}}',
    preview: 'Check the file',
    reviewing: 'Checking…',
    missing: 'Choose a file first',
  },
  summary: {
    title: 'Result of the check',
    file: 'File',
    total: 'Rows read',
    valid: 'Valid (will be imported)',
    invalid: 'With errors (will not be imported)',
    duplicate: 'Already recorded or repeated (will not be imported)',
  },
  rows: {
    caption: 'Rows that will not be imported',
    more: 'The first {{shown}} rows of {{count}} are shown; the report has them all.',
    none: 'Every row is valid.',
    row: 'Row',
    status: 'Status',
    problems: 'Problems',
    duplicate: "The person is already on the event's roster or earlier in the file.",
  },
  statuses: {
    valid: 'Valid',
    invalid: 'With errors',
    duplicate: 'Duplicate',
  },
  commit: 'Import {{count}} valid rows',
  commitNone: 'No new rows to import',
  another: 'Check another file',
  report: 'Download the report per row (CSV)',
  reportSaved: 'Report downloaded: {{name}}',
  columnsProblem: 'Correct the header row:',
  progress: {
    title: 'Import under way',
    label: 'Import progress',
    queued: 'Queued: the import will start in a moment.',
    running: '{{processed}} of {{total}} rows processed',
  },
  done: {
    title: 'Import finished',
    imported: "{{count}} persons added to the event's roster.",
    skipped: '{{count}} were already on it and were not added again.',
    invalid: '{{count}} rows with errors were not imported.',
    roster: "See the event's roster",
  },
  failed: {
    title: 'The import failed',
    detail: 'No row of this file was recorded ({{code}}). You can check it and try again.',
  },
};
