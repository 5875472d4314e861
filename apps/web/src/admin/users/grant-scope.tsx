import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../directory/common/use-countries';
import { useConsulateOptions } from '../../directory/consulates/use-consulate-options';
import { useOrganisationOptions } from '../../directory/organisations/use-organisation-options';
import type { User } from './use-user';

/**
 * "Consulate General in Houston", "Mexico", "Casa del Migrante" or "the whole network": what a
 * grant is for.
 */
export function useGrantScope(): (grant: User['grants'][number]) => string {
  const { t } = useTranslation('admin');
  const countryName = useCountryName();
  const posts = useConsulateOptions(t('grants.inactivePost'));
  const organisations = useOrganisationOptions(t('grants.inactiveOrganisation'));
  return (grant) => {
    if (grant.organisationId)
      return (
        organisations.options.find((o) => o.value === grant.organisationId)?.label ??
        grant.organisationId
      );
    if (grant.consulateId)
      return posts.options.find((p) => p.value === grant.consulateId)?.label ?? grant.consulateId;
    if (grant.countryCode) return countryName(grant.countryCode);
    return t('grants.wholeNetwork');
  };
}
