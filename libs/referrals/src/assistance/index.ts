export * from './assistance-request';
export * from './assistance-requests.service';
export * from './assistance-decisions.service';
export * from './assistance-reports.service';
export * from './assistance-sides';
