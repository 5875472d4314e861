import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shell/problem-alert';

/** What a page shows while its data loads, or instead of it when the load failed. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation('directory');
  if (error) return <ProblemAlert error={error} />;
  if (isPending) return <Typography role="status">{t('common.loading')}</Typography>;
  return null;
}
