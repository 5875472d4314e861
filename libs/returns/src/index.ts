export * from './returns.module';
export * from './return-movement';
export * from './return-movements.service';
export * from './return-manifest.service';
export * from './return-journey.service';
export * from './reintegration-referrals.service';
