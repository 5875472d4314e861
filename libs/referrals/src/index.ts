export * from './referrals.module';
export * from './organisation-referrals/referral';
export * from './organisation-referrals/referral-candidates';
export * from './organisation-referrals/organisation-referrals.service';
export * from './organisation-referrals/referral-steps.service';
export * from './organisation-referrals/referral-letter.service';
export * from './assistance';
export * from './cooperation-queue/cooperation-queue.service';
