import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { mayOpen, NAVIGATION } from './navigation';
import { ProblemAlert } from './problem-alert';
import { useMe } from './use-me';

/**
 * `/` opens the first screen of the menu the user may use: the work queue for officers and
 * consuls, the dashboard for supervisors, statistics for analysts, users for admins, their
 * organisation for an organisation's focal point.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Typography role="status">{t('home.loading')}</Typography>;
  const first = NAVIGATION.find((entry) => mayOpen(entry, me.data));
  return <Navigate to={first?.path ?? '/account'} replace />;
}
