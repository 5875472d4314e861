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
