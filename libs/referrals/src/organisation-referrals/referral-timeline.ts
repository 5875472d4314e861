import { Localized } from '@amparo/core';

export type ReferralStep =
  'sent' | 'accepted' | 'rejected' | 'completed' | 'revoked' | 'consent_withdrawn';

const STEP_TEXTS: Record<ReferralStep, Localized> = {
  sent: {
    es: 'Canalización enviada a {org}: pendiente de respuesta.',
    en: 'Referral sent to {org}: awaiting an answer.',
  },
  accepted: { es: '{org} aceptó la canalización.', en: '{org} accepted the referral.' },
  rejected: { es: '{org} rechazó la canalización.', en: '{org} rejected the referral.' },
  completed: { es: 'Canalización a {org} concluida.', en: 'Referral to {org} completed.' },
  revoked: {
    es: 'Canalización a {org} revocada por la oficina.',
    en: 'Referral to {org} revoked by the post.',
  },
  consent_withdrawn: {
    es: 'Canalización a {org} revocada: la persona retiró su consentimiento.',
    en: 'Referral to {org} revoked: the person withdrew their consent.',
  },
};

/**
 * What a referral's step says on the case timeline, in the language of who took it (as an entry
 * they would have written): the organisation and the status, no personal data, no answer reasons.
 */
export function timelineOutcome(
  step: ReferralStep,
  organisationName: string,
  lang: 'es' | 'en',
): string {
  return STEP_TEXTS[step][lang].replace('{org}', organisationName);
}

/**
 * Sending counts as the `referral` action (one per referral, as statistics count them); the later
 * steps (the organisation's answer, completion, revocation) are the post following it up.
 */
export const stepActionType = (step: ReferralStep) =>
  step === 'sent' ? 'referral' : 'follow_up_contact';
