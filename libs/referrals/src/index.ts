export * from './referrals.module';
export * from './assistance';
