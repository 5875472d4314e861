export * from './crisis.module';
export * from './crisis-codes';
export * from './events/crisis-event';
export * from './events/crisis-event-access';
export * from './events/crisis-events.service';
export * from './roster/roster-entry';
export * from './roster/roster-entry-checks';
export * from './roster/crisis-roster.service';
