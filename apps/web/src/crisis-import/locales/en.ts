import type { es } from './es';

/** English messages of the crisis import screen (namespace `crisisImport`). */
export const en: typeof es = {
  title: 'Import a list of affected nationals',
  back: 'Back to the event',
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
  commit_one: 'Import {{count}} valid row',
  commit_other: 'Import {{count}} valid rows',
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
    imported_one: "{{count}} person added to the event's roster.",
    imported_other: "{{count}} persons added to the event's roster.",
    skipped_one: '{{count}} was already on it and was not added again.',
    skipped_other: '{{count}} were already on it and were not added again.',
    invalid_one: '{{count}} row with errors was not imported.',
    invalid_other: '{{count}} rows with errors were not imported.',
    roster: "See the event's roster",
  },
  failed: {
    title: 'The import failed',
    detail: 'No row of this file was recorded ({{code}}). You can check it and try again.',
  },
};
