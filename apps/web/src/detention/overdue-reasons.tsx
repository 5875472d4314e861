import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shell/format';
import type { DetentionOverdue } from './detention-queries';

/** Which rule a detention breaks, its limit and how late: one line each, in words. */
export function OverdueReasons({ overdue }: { overdue: DetentionOverdue[] }) {
  const { t } = useTranslation('detention');
  const f = useFormat();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {overdue.map((o) => (
        <li key={o.rule}>
          {t(`reasons.${o.rule as 'notification' | 'first_contact' | 'visit'}`, {
            actual: f.number(o.actual),
            limit: f.number(o.limit),
            lateBy: f.number(o.lateBy),
          })}
        </li>
      ))}
    </Box>
  );
}
