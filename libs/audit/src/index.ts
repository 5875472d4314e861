export * from './audit-event';
export * from './audit-query.service';
export * from './audit.module';
export * from './audit.service';
export * from './verify-audit-chain';
