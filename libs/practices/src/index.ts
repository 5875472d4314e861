export * from './practices.module';
export * from './good-practice';
export * from './good-practices.service';
export * from './practice-review.service';
export * from './practice-documents.service';
export * from './practice-views.service';
export * from './practice-matrix';
export * from './practice-seeding';
