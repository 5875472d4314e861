import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ListHeading } from '../directory/common/results-table';
import { useHasPermission } from '../shell/use-me';

/**
 * `/cooperation`: one menu entry for the work shared with others (other posts, organisations,
 * other countries), so the menu bar keeps to one line for a supervisor at 1024 px.
 */
export function CooperationPage() {
  const { t } = useTranslation('transfers');
  const mayTransfer = useHasPermission('cases:transfer');
  const areas = [
    ...(mayTransfer ? [{ to: '/transfers', key: 'transfers' as const }] : []),
    { to: '/referrals', key: 'referrals' as const },
    { to: '/assistance', key: 'assistance' as const },
  ];
  return (
    <Stack spacing={2}>
      <ListHeading title={t('hub.title')} />
      <Typography>{t('hub.intro')}</Typography>
      <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
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
    </Stack>
  );
}
