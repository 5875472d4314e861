import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * The disclosure rule in the words of the statistics page (docs/disclosure.md), with the k the
 * regional tables are held to, and the rule of the regional totals.
 */
export function RegionalDisclosureNote({ k }: { k: number }) {
  const { t } = useTranslation('statistics');
  const { t: tr } = useTranslation('regional');
  return (
    <Box
      component="aside"
      aria-labelledby="regional-disclosure-title"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}
    >
      <Typography id="regional-disclosure-title" component="h2" variant="h6" gutterBottom>
        {t('disclosure.title')}
      </Typography>
      <Box component="ul" sx={{ pl: 2.5, my: 0, '& li': { mb: 1 } }}>
        <li>{t('disclosure.primary', { k, max: k - 1 })}</li>
        <li>{t('disclosure.secondary')}</li>
        <li>{tr('observatory.disclosure.regional')}</li>
        <li>{t('disclosure.zeros')}</li>
        <li>{t('disclosure.marked')}</li>
        <li>{t('disclosure.quantile')}</li>
      </Box>
    </Box>
  );
}
