import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import type { CaseDetail } from '../case-queries';
import { NextStep } from './next-step';
import { useAssigneeName } from './use-assignee-name';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        {term}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** The case at a glance: its reference as the page title, status, risk, flags, assignee. */
export function CaseHeader({ value, actions }: { value: CaseDetail; actions?: ReactNode }) {
  const { t } = useTranslation('cases');
  const label = useCodeLabel();
  const f = useFormat();
  const assignee = useAssigneeName(value);
  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}
      >
        <Typography variant="h4" component="h1" id="case-title" tabIndex={-1}>
          {t('page.reference', { reference: value.reference })}
        </Typography>
        {value.restricted && <Chip variant="outlined" label={t('page.restricted')} />}
      </Stack>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' },
        }}
      >
        <Item term={t('page.status')}>{label('caseStatuses', value.status)}</Item>
        <Item term={t('page.risk')}>{label('riskLevels', value.riskLevel)}</Item>
        <Item term={t('page.category')}>{label('caseCategories', value.primaryCategory)}</Item>
        <Item term={t('page.assigned')}>{assignee}</Item>
        <Item term={t('page.opened')}>{f.dateTime(value.openedAt)}</Item>
        {value.closedAt && <Item term={t('page.closed')}>{f.dateTime(value.closedAt)}</Item>}
        {value.closureReason && (
          <Item term={t('page.closureReason')}>{label('closureReasons', value.closureReason)}</Item>
        )}
        {value.shelter && <Item term={t('page.shelter')}>{value.shelter}</Item>}
        <Item term={t('page.hostCountryRole')}>
          {value.hostCountryRole
            ? label('hostCountryRoles', value.hostCountryRole)
            : t('common.notRecorded')}
        </Item>
        <Item term={t('page.temporaryWorker')}>
          {value.temporaryWorker ? t('page.yes') : t('page.no')}
        </Item>
        {value.requestedClosureReason && (
          <Item term={t('page.requestedClosureReason')}>
            {label('closureReasons', value.requestedClosureReason)}
          </Item>
        )}
      </Box>
      <NextStep value={value} />
      <Box>
        <Typography variant="body2" sx={{ color: 'text.secondary' }} id="flags-term">
          {t('page.flags')}
        </Typography>
        {value.vulnerabilityFlags.length === 0 ? (
          <Typography>{t('page.noFlags')}</Typography>
        ) : (
          <Stack
            component="ul"
            aria-labelledby="flags-term"
            direction="row"
            sx={{ p: 0, m: 0, listStyle: 'none', flexWrap: 'wrap', gap: 1 }}
          >
            {value.vulnerabilityFlags.map((flag) => (
              <li key={flag}>
                <Chip label={label('vulnerabilityFlags', flag)} variant="outlined" />
              </li>
            ))}
          </Stack>
        )}
      </Box>
      {actions}
    </Stack>
  );
}
