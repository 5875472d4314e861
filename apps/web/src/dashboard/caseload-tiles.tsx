import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { useFormat } from '../shell/format';
import { tileLinks } from './case-links';

type Totals = components['schemas']['CaseloadTotalsResponse'];

const TILES = ['open', 'overdue', 'closureRequested', 'waiting'] as const;

const valueOf = (totals: Totals, tile: (typeof TILES)[number]) =>
  tile === 'overdue' ? totals.overdueNextSteps : totals[tile];

/** The four figures of the caseload, each a link to the list of the cases it counts. */
export function CaseloadTiles({
  totals,
  today,
  consulateId,
}: {
  totals: Totals;
  today: string;
  consulateId: string | undefined;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const links = tileLinks(today, consulateId);
  return (
    <Box component="section" aria-labelledby="tiles-title">
      <Typography id="tiles-title" variant="h6" component="h2" gutterBottom>
        {t('tiles.title')}
      </Typography>
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          m: 0,
          p: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
        }}
      >
        {TILES.map((tile) => (
          <li key={tile}>
            <Paper
              component={RouterLink}
              to={links[tile]}
              variant="outlined"
              sx={{
                display: 'block',
                p: 2,
                height: '100%',
                textDecoration: 'none',
                color: 'text.primary',
                '&:hover': { bgcolor: 'action.hover' },
                '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
              }}
            >
              <Typography component="span" variant="h4" sx={{ display: 'block', fontWeight: 700 }}>
                {f.number(valueOf(totals, tile))}
              </Typography>
              <Typography
                component="span"
                sx={{ display: 'block', textDecoration: 'underline', color: 'primary.main' }}
              >
                {t(`tiles.${tile}`)}
              </Typography>
            </Paper>
          </li>
        ))}
      </Box>
    </Box>
  );
}
