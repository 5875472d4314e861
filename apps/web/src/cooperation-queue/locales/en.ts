import type { CooperationQueueMessages } from './es';

/** English, the same keys as es.ts (namespace `cooperationQueue`). */
export const en: CooperationQueueMessages = {
  queue: {
    title: 'Waiting, by post',
    caption: 'Referrals, assistance requests and transfers waiting, by post',
    loading: 'Loading what waits…',
    post: 'Post',
    total: 'Total',
    groups: {
      referrals: 'Referrals',
      assistance: 'Mutual consular assistance',
      transfers: 'Transfers',
    },
    referralsPending: 'Waiting for an answer',
    referralsAccepted: 'Accepted, in progress',
    referralsOverdue: 'Follow-up overdue',
    assistanceIncoming: 'Received, to decide',
    assistanceActive: 'Received, in progress',
    assistanceOutgoing: 'Sent, unanswered',
    transfersIncoming: 'Proposed to the post',
    transfersOutgoing: 'Proposed by the post',
    openList: '{{count}}: open the list ({{what}})',
    none: 'Nothing waiting at your posts.',
  },
  overrides: {
    title: 'Consent overrides to review',
    intro:
      "Disclosures made without the person's consent by a consul's decision. Another consul of the post or a supervisor reviews each one.",
    caption: 'Unreviewed consent overrides',
    none: 'No overrides to review.',
    case: 'Case',
    purpose: 'Disclosure',
    fields: 'Data',
    reason: 'Reason',
    when: 'Date',
    actions: 'Actions',
    review: 'Review',
    reviewCase: 'Review the override of case {{reference}}',
    dialogTitle: 'Review the override of case {{reference}}',
    dialogText:
      'Confirm that you reviewed the decision and its reason. You may leave a note. The review is recorded and cannot be undone.',
    note: 'Note (optional)',
    confirm: 'Mark as reviewed',
    cancel: 'Cancel',
    reviewed: 'Override of case {{reference}} reviewed.',
    purposes: {
      disclosure_to_organisations: 'To organisations',
      disclosure_to_other_country: 'To another country',
    },
  },
};
