export * from './test-config';
export * from './test-database';
export * from './test-redis';
export * from './test-services';
export * from './stale-databases';
