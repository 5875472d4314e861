export * from './demo-credentials-frame';
export * from './demo-network.data';
export * from './demo-on-first-start';
export * from './demo-password-reset';
export * from './demo-seeder';
export * from './demo.module';
