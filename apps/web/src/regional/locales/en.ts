import type { RegionalMessages } from './es';

/** The regional workspace's texts in English: the same keys as Spanish. */
export const en: RegionalMessages = {
  title: 'Regional workspace',
  semester: 'Semester',
  semesterHint: 'For example 2026-S2',
  reporting: {
    title: 'Countries that reported',
    caption: 'Member countries and whether they sent their export of the semester',
    country: 'Country',
    status: 'Status',
    reported: 'Reported',
    missing: 'Not reported',
    lastUpload: 'Last upload',
    none: 'No member countries yet: register their keys.',
  },
  upload: {
    title: 'Receive a national export',
    intro:
      "Choose the export's JSON file and its signature (.sig), as the country downloaded them. The signature is checked against the registered keys before anything is stored.",
    file: 'Export file (JSON)',
    signature: 'Signature (.sig)',
    submit: 'Verify and store',
    accepted: 'Valid signature: export of {{countries}} ({{semester}}) stored. Key {{keyId}}.',
    already: 'This same export was stored already ({{countries}}, {{semester}}).',
    refused: 'Export refused: nothing was stored.',
    unreadable: "The signature could not be read: choose the export's .sig file.",
    chooseBoth: 'Choose the export file and its signature.',
  },
  keys: {
    title: "Member countries' keys",
    caption: 'Registered keys',
    country: 'Country',
    label: 'Description',
    keyId: 'Key id',
    fingerprint: 'Fingerprint',
    state: 'State',
    live: 'In force',
    revoked: 'Revoked',
    revoke: 'Revoke key {{keyId}} of {{country}}',
    register: 'Register a key',
    publicKey: 'Public key (PEM or base64)',
    publicKeyHint: 'Compare the fingerprint with the country by phone before registering it.',
    registered: 'Key {{keyId}} registered for {{country}}.',
    none: 'No key registered.',
  },
  workspaceLinks: {
    observatory: 'Open the regional observatory (semester dashboard and report)',
  },
  observatory: {
    title: 'Regional observatory',
    intro:
      "A semester's consolidated data: every figure comes from the verified national exports, as each country published it, and the regional totals go through disclosure control again.",
    toWorkspace: 'Back to the regional workspace (keys, uploads and custom table)',
    semester: 'Semester',
    semesterHint: 'Semesters with exports received',
    noExports:
      'No national export has been received yet: there is no data to show. Receive the exports in the regional workspace.',
    loading: 'Loading…',
    tiles: {
      title: 'The semester at a glance',
      reported: 'Countries that reported',
      reportedValue: '{{count}} of {{members}}',
      reportedList: 'Reported: {{countries}}',
      reportedNone: 'No country reported this semester',
      casesOpened: 'Cases opened',
      personsAssisted: 'Persons assisted',
      returns: 'Persons returned',
      regionalTotal: 'Regional total',
      notReported: 'No country published this measure',
      suppressed: 'Regional total suppressed to protect the people behind it',
      notPublished: 'No total published',
    },
    chartNote:
      'The chart shows the same as the table. A suppressed cell is left as a gap (no bar), never drawn as zero; a published zero is written “0”.',
    chartLoading: 'Loading the chart…',
    empty: 'No country published {{measure}} by {{dimension}} this semester.',
    excluded:
      'Not in this table (their export does not have this measure by this dimension): {{countries}}.',
    caption: '{{title}}, {{semester}}: one column per country and the regional total',
    captionMedian: '{{title}}, {{semester}}: one column per country, no regional total',
    total: 'Regional total',
    totalCode: 'Total',
    sections: {
      flows: {
        title: 'Flows by country',
        intro:
          'Cases opened by sending country (each column, the country that recorded the case) and host country (each row).',
      },
      categories: {
        title: 'Cases by category and country',
        intro: 'Cases opened by category, in each sending country.',
      },
      returns: {
        title: 'Returns by mode',
        intro: 'Persons returned by mode of return, in each sending country.',
      },
      delays: {
        title: 'Consular notification delays in detentions',
        intro:
          'Median hours from arrest to the consulate being notified, as each country published it. Medians are not added up or averaged across countries: there is no regional figure.',
      },
    },
    dimensionOf: {
      host_country: 'Host country',
      category: 'Category',
      return_mode: 'Mode of return',
    },
    measureOf: {
      cases_opened: 'cases opened',
      returns: 'persons returned',
      notification_delay: 'the median hours to notification',
    },
    axisOf: {
      cases_opened: 'Cases opened',
      returns: 'Persons returned',
      notification_delay: 'Hours (median)',
    },
    disclosure: {
      regional:
        'A regional total is published only when every national cell of its row is published; otherwise it is suppressed too.',
    },
  },
  reports: {
    title: 'Semester report',
    intro:
      "A PDF report (Spanish and English) with charts and tables, and an XLSX annex with the consolidated tables, from the semester's verified exports.",
    request: 'Produce the {{semester}} report',
    outcome: {
      queued: 'Report of {{semester}} requested: it is being produced.',
      running: 'Report of {{semester}} requested: it is being produced.',
      done: 'Report of {{semester}} ready: download its files from the table.',
      failed:
        'The report of {{semester}} could not be produced: see the code in the table and request it again.',
    },
    noExports:
      'No country reported for semester {{semester}}: there is no data for a report. Receive their exports first.',
    caption: 'Reports of semester {{semester}}, newest first',
    none: 'No report of this semester has been produced yet.',
    requestedAt: 'Requested',
    status: 'Status',
    countries: 'Countries',
    files: 'Files',
    progress: 'Progress of the report requested on {{date}}',
    statuses: {
      queued: 'Queued',
      running: 'Being produced ({{progress}} %)',
      done: 'Ready',
      failed: 'Failed ({{code}})',
    },
    download: 'Download {{file}}',
    downloadLabel: 'Download {{file}} of the report requested on {{date}}',
    downloaded: 'Downloaded: {{name}}',
    sha256: 'SHA-256: {{sha256}}',
    fileNames: {
      'report-es.pdf': 'Spanish report (PDF)',
      'report-en.pdf': 'English report (PDF)',
      'annex.xlsx': 'tables annex (XLSX)',
    },
  },
  consolidation: {
    title: 'Regional table',
    measure: 'Measure',
    dimension: 'Dimension',
    submit: 'Consolidate',
    caption:
      'Regional table of {{measure}}, {{semester}}: one column per country and the regional total',
    total: 'Regional total',
    totalCode: 'Total',
    legend:
      'x: value suppressed to protect people. A regional total over a suppressed national cell is suppressed too.',
    measures: {
      cases_opened: 'Cases opened',
      cases_closed: 'Cases closed',
      persons_assisted: 'Persons assisted',
      actions: 'Consular actions',
    },
    dimensions: {
      category: 'Category',
      host_country: 'Host country',
      sex: 'Sex',
      age_group: 'Age group',
    },
  },
};
