import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../directory/common/use-countries';
import { useConsulateOptions } from '../../directory/consulates/use-consulate-options';
import type { User } from './use-user';

/** "Consulate General in Houston", "Mexico" or "the whole network": what a grant is for. */
export function useGrantScope(): (grant: User['grants'][number]) => string {
  const { t } = useTranslation('admin');
  const countryName = useCountryName();
  const posts = useConsulateOptions(t('grants.inactivePost'));
  return (grant) => {
    if (grant.consulateId)
      return posts.options.find((p) => p.value === grant.consulateId)?.label ?? grant.consulateId;
    if (grant.countryCode) return countryName(grant.countryCode);
    return t('grants.wholeNetwork');
  };
}
