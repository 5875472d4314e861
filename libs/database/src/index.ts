export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './snake-naming.strategy';
export * from './update-returning';
