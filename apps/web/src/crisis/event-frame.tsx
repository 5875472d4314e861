import { Link, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ProblemAlert } from '../shell/problem-alert';
import { useCrisisEvent } from './crisis-queries';
import type { CrisisEvent } from './crisis-types';

/**
 * The event a `/crisis/:id/…` screen works on: loading, "not found" (out of scope is a 404 too),
 * else the screen with the event and, below the event page itself, a way back to it.
 */
export function EventFrame({
  children,
  back = true,
}: {
  children: (event: CrisisEvent) => ReactNode;
  back?: boolean;
}) {
  const { id = '' } = useParams();
  const { t } = useTranslation('crisis');
  const found = useCrisisEvent(id);
  if (found.isError)
    return (
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {t('common.notFound')}
          </Typography>
          <ProblemAlert error={found.error} />
        </Stack>
      </Paper>
    );
  if (!found.data) return <Typography role="status">{t('common.loading')}</Typography>;
  return (
    <Stack spacing={3}>
      {back && (
        <Link component={RouterLink} to={`/crisis/${id}`} sx={{ alignSelf: 'flex-start' }}>
          {t('common.back')}: {found.data.name}
        </Link>
      )}
      {children(found.data)}
    </Stack>
  );
}

/** Whether the caller may work on the roster of this event (and it is not closed). */
export const mayWrite = (event: CrisisEvent) =>
  event.status !== 'closed' && (event.callerMay?.write ?? false);
