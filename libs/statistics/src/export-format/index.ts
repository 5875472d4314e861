export * from './consolidate';
export * from './consolidation-error';
export * from './export-document';
export * from './export-schema';
export * from './export-signature';
