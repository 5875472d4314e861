import { Caller, ScopeService } from '@amparo/identity';

/**
 * Whose cases an aggregate counts: every case of these sending countries, and every case of these
 * posts. Nothing when both are empty.
 */
export interface StatisticsScope {
  readonly countries: readonly string[];
  readonly consulateIds: readonly string[];
}

/** Officers and consuls see their posts; supervisors their country; analysts granted countries. */
export function statisticsScopeOf(caller: Caller, scopes: ScopeService): StatisticsScope {
  return {
    countries: scopes.statisticsCountries(caller).sort(),
    consulateIds: scopes.caseConsulates(caller).sort(),
  };
}

export function isEmptyScope(scope: StatisticsScope): boolean {
  return scope.countries.length === 0 && scope.consulateIds.length === 0;
}
