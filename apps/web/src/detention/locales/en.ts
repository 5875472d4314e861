import type { es } from './es';

/** Detention clocks: the case page's section and the work queue's overdue detentions. */
export const en: typeof es = {
  section: {
    title: 'Detention',
    intro:
      'Vienna Convention on Consular Relations, article 36: the times of arrest, of notification to the consulate, of first consular contact and the visits.',
    none: 'No detention recorded.',
    record: 'Record a detention',
    recordFor: 'Record a detention of {{name}}',
    update: 'Update',
    updateFor: 'Update the detention of {{name}}',
    saved: 'Detention saved.',
    released: 'Released {{when}}',
    open: 'Detained',
    facility: 'Facility',
    arrested: 'Arrest',
    notified: 'Notification to the consulate',
    firstContact: 'First consular contact',
    firstContactFromActions: '{{when}} (from the actions)',
    visits: 'Detention visits',
    visitsValue_one: '{{count}} visit, the last {{when}}',
    visitsValue_other: '{{count}} visits, the last {{when}}',
    noVisits: 'No visit',
    pending: 'Pending',
    delay: 'after {{value}}',
    sinceLastVisit_one: '{{count}} day without a visit',
    sinceLastVisit_other: '{{count}} days without a visit',
    onTime: 'Within the rule',
    overdueTitle: 'Overdue',
  },
  reasons: {
    notification:
      'Notification {{actual}} h after the arrest (rule: {{limit}} h), {{lateBy}} h late',
    first_contact:
      'No consular contact {{actual}} h after the notification (rule: {{limit}} h), {{lateBy}} h late',
    visit: 'No visit for {{actual}} days (rule: {{limit}} days), {{lateBy}} days late',
  },
  hours: '{{value}} h',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  dialog: {
    recordTitle: 'Record a detention',
    updateTitle: 'Update the detention',
    person: 'Detained person',
    facilityName: 'Facility name',
    facilitySubdivisionCode: 'Subdivision of the host country (ISO 3166-2, e.g. US-CA)',
    arrestedAt: 'Time of arrest',
    notifiedAt: 'Time of notification to the consulate',
    firstContactAt: 'First consular contact (leave empty to take it from the actions)',
    releasedAt: 'Time of release (ends the detention)',
    submit: 'Save',
    cancel: 'Cancel',
    errors: {
      personId: 'Choose the detained person',
      arrestedAt: 'Enter the time of arrest',
    },
  },
  queue: {
    title: 'Overdue detentions',
    intro:
      'Open detentions past the rule of this deployment: notification within {{notification}} h, first contact within {{contact}} h, a visit every {{visit}} days.',
    none: 'No overdue detention.',
    case: 'Case',
    arrested: 'Arrest',
    reasons: 'Why',
    posts: 'Overdue detentions per post',
    post: 'Post',
    count: 'Overdue',
    loading: 'Loading…',
  },
};
