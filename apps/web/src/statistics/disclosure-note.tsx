import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StatisticsResult } from './statistics-model';

/**
 * The disclosure rule in plain words beside the table (docs/disclosure.md), with the parameters
 * the API applied to this very table: the threshold k and the method.
 */
export function DisclosureNote({ result }: { result: StatisticsResult }) {
  const { t } = useTranslation('statistics');
  const { k, method, rule } = result.disclosure;
  return (
    <Box
      component="aside"
      aria-labelledby="disclosure-title"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}
    >
      <Typography id="disclosure-title" component="h2" variant="h6" gutterBottom>
        {t('disclosure.title')}
      </Typography>
      <Box component="ul" sx={{ pl: 2.5, my: 0, '& li': { mb: 1 } }}>
        <li>{t('disclosure.primary', { k, max: k - 1 })}</li>
        <li>{t('disclosure.secondary')}</li>
        <li>{t('disclosure.zeros')}</li>
        <li>{t('disclosure.marked')}</li>
        {result.measure.id === 'median_days_to_closure' && <li>{t('disclosure.median')}</li>}
        {result.measure.id.startsWith('notification_delay') && <li>{t('disclosure.quantile')}</li>}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('disclosure.method', { method })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('disclosure.ruleAsStated')}{' '}
        <Box component="q" lang="en">
          {rule}
        </Box>
      </Typography>
    </Box>
  );
}
