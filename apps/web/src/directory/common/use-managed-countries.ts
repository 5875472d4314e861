import { useMemo } from 'react';
import { useMe } from '../../shell/use-me';

/**
 * The countries whose directory and users the signed-in administrator manages: undefined for a
 * system administrator (all of them). Forms offer only these, so a choice the API would refuse
 * with OUTSIDE_YOUR_COUNTRY or GRANT_NOT_ALLOWED is not offered; the API still checks.
 */
export function useManagedCountries(): readonly string[] | undefined {
  const grants = useMe().data?.grants;
  return useMemo(() => {
    if (grants?.some((grant) => grant.role === 'system_admin')) return undefined;
    return (grants ?? [])
      .filter((grant) => grant.role === 'admin' && grant.countryCode)
      .map((grant) => grant.countryCode!);
  }, [grants]);
}
