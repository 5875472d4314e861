export * from './apply-disclosure-control';
export * from './count-table';
export * from './disclosure-input.error';
export * from './disclosure-result';
