import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';
import type { CaseDetail } from '../case-queries';

/** Today's date in UTC, the day the API counts a next step overdue from. */
export const todayUtc = () => new Date(Date.now()).toISOString().slice(0, 10);

export function isOverdue(c: Pick<CaseDetail, 'nextStepDue' | 'status'>): boolean {
  return Boolean(c.nextStepDue) && c.status !== 'closed' && c.nextStepDue! < todayUtc();
}

/** The case's next step and when it is due, saying "overdue" in words when it is. */
export function NextStep({ value }: { value: CaseDetail }) {
  const { t } = useTranslation('cases');
  const f = useFormat();
  const overdue = isOverdue(value);
  return (
    <Box component="dl" sx={{ m: 0 }}>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        {t('page.nextStep')}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {value.nextStep || t('page.noNextStep')}
        {value.nextStepDue && (
          <Box
            component="span"
            sx={{ display: 'block', fontWeight: 400, color: overdue ? 'error.main' : undefined }}
          >
            {t(overdue ? 'page.nextStepOverdue' : 'page.nextStepDueOn', {
              date: f.date(value.nextStepDue),
            })}
          </Box>
        )}
      </Typography>
    </Box>
  );
}
