import type { SafeguardsMessages } from './es';

/** English: the same keys as Spanish (namespace `safeguards`). */
export const en: SafeguardsMessages = {
  title: 'Best interests of the child',
  intro:
    'Best-interest assessments (who assessed, when, findings and the recommended durable solution). Required before an unaccompanied or separated child’s case is closed or the child returned.',
  loading: 'Loading…',
  none: 'No assessment recorded yet.',
  record: 'Record an assessment',
  saved: 'Assessment recorded.',
  assessedBy: 'Assessed by',
  assessedAt: 'Date of the assessment',
  person: 'Child',
  findings: 'Findings',
  solution: 'Recommended durable solution',
  corrected: 'Corrected by a later assessment',
  correction: 'Corrects an earlier assessment',
  external: '{{name}} ({{role}})',
  externalNoRole: '{{name}}',
  recorded: 'Recorded by {{who}} on {{when}}',
  dialog: {
    title: 'Record a best-interest assessment',
    external: 'An external professional assessed',
    assessorName: 'Professional’s name',
    assessorRole: 'Role and institution',
    save: 'Record',
    cancel: 'Cancel',
    required: 'Fill in this field.',
  },
  solutions: {
    return_to_family_in_origin: 'Return to family in the country of origin',
    family_reunification_in_host_country: 'Family reunification in the host country',
    local_integration: 'Local integration',
    third_country_resettlement: 'Resettlement in a third country',
    alternative_care_in_origin: 'Alternative care in the country of origin',
    other: 'Other',
  },
  masked: {
    title: 'Restricted',
    text: 'Where the child is (place of the event, shelter, address and contact) is shown only to the assigned officer, the post’s consul and emergency-access holders.',
    value: 'Restricted',
    fields: {
      eventCity: 'City of the event',
      shelter: 'Shelter',
      'persons.addressAbroad': 'Address abroad',
      'persons.phone': 'Phone',
      'persons.email': 'E-mail',
    },
  },
  closureRule: {
    unaccompanied_child_category:
      'This is an unaccompanied child’s case: closure is approved by the consul (or the supervisor where the post has no consul).',
    child_flag:
      'The case is flagged as an unaccompanied or separated child: closure is approved by the consul (or the supervisor where the post has no consul).',
    person_under_18:
      'A person on the case is under 18: closure is approved by the consul (or the supervisor where the post has no consul).',
    trafficking_indicators:
      'The case has trafficking indicators: closure is approved by the consul.',
    critical_risk: 'The case is at critical risk: closure is approved by the consul.',
  },
};
