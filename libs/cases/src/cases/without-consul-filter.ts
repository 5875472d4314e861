import { Caller, PostOfficers } from '@amparo/identity';
import { CaseFilters } from './case';

/**
 * The filters with `withoutConsul` resolved to the posts it leaves out: those of the caller's
 * countries where an active user holds a consul grant (identity knows, this context does not).
 */
export async function resolveWithoutConsul<F extends CaseFilters>(
  filters: F,
  caller: Caller,
  officers: PostOfficers,
): Promise<F> {
  if (!filters.withoutConsul) return filters;
  const countries = [
    ...new Set(caller.grants.map((g) => g.countryCode).filter((c): c is string => !!c)),
  ];
  return { ...filters, exceptConsulateIds: await officers.postsWithActiveConsul(countries) };
}
