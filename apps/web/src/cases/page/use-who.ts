import { useTranslation } from 'react-i18next';
import { useMe } from '../../shell/use-me';

/**
 * A user named by id, as the case routes answer: "you" for the signed-in user. No route gives an
 * officer or consul the names of their colleagues yet, so others show as a short id.
 */
export function useWho(): (userId: string | null | undefined) => string {
  const { t } = useTranslation('cases');
  const me = useMe().data;
  return (userId) => {
    if (!userId) return '';
    return userId === me?.id ? t('common.you') : t('common.officer', { id: userId.slice(0, 8) });
  };
}
