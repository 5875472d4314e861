import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A record's fields as a description list: a label, then its value ("not recorded" when empty). */
export function DetailList({ items }: { items: readonly [label: string, value: ReactNode][] }) {
  const { t } = useTranslation('directory');
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(12rem, max-content) 1fr' },
        columnGap: 3,
        rowGap: 1,
        m: 0,
      }}
    >
      {items.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" sx={{ fontWeight: 700 }}>
            {label}
          </Typography>
          <Typography component="dd" sx={{ m: 0, mb: { xs: 1, sm: 0 }, overflowWrap: 'anywhere' }}>
            {value === null || value === undefined || value === '' ? t('common.none') : value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
