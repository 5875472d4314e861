import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConsentOverridesPanel } from '../cooperation-queue/consent-overrides-panel';
import { CooperationQueueTable } from '../cooperation-queue/cooperation-queue-table';
import { ListHeading } from '../directory/common/results-table';
import { useHasPermission, useHasRole } from '../shell/use-me';

/**
 * `/cooperation`: one menu entry for the work shared with others (other posts, organisations,
 * other countries), so the menu bar keeps to one line for a supervisor at 1024 px; below the way
 * into each list, what waits at each post, and for consuls and supervisors the consent overrides
 * to review.
 */
export function CooperationPage() {
  const { t } = useTranslation('transfers');
  const mayTransfer = useHasPermission('cases:transfer');
  const reviewsOverrides = useHasPermission('consent:review_overrides');
  const supervises = useHasRole('supervisor');
  const areas = [
    ...(mayTransfer ? [{ to: '/transfers', key: 'transfers' as const }] : []),
    { to: '/referrals', key: 'referrals' as const },
    { to: '/assistance', key: 'assistance' as const },
    // Supervisors reach returns here only: their menu bar has no room for one more entry.
    ...(supervises ? [{ to: '/returns', key: 'returns' as const }] : []),
  ];
  return (
    <Stack spacing={2}>
      <ListHeading title={t('hub.title')} />
      <Typography>{t('hub.intro')}</Typography>
      <Stack
        component="ul"
        direction={{ xs: 'column', md: 'row' }}
        sx={{ listStyle: 'none', p: 0, m: 0, gap: 2, '& > li': { flex: 1 } }}
      >
        {areas.map((area) => (
          <li key={area.key}>
            <Card variant="outlined">
              <CardActionArea component={RouterLink} to={area.to}>
                <CardContent>
                  <Typography variant="h6" component="h2">
                    {t(`hub.${area.key}.title`)}
                  </Typography>
                  <Typography>{t(`hub.${area.key}.text`)}</Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </li>
        ))}
      </Stack>
      <CooperationQueueTable />
      {reviewsOverrides && <ConsentOverridesPanel />}
    </Stack>
  );
}
