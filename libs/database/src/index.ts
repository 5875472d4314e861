export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './snake-naming.strategy';
export * from './update-returning';
export * from './sql-conditions';
export * from './text-search';
export * from './keyset-page';
