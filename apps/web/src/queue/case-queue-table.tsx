import {
  Box,
  Chip,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { useCodeLabel } from '../codes/use-code-lists';
import { useFormat } from '../shell/format';

type CaseItem = components['schemas']['CaseResponse'];

/** Due before today (UTC, the work queue's own date) and not closed: what "overdue" means. */
export const isOverdue = (item: CaseItem, today: string) =>
  !!item.nextStepDue && item.nextStepDue < today && item.status !== 'closed';

interface Props {
  caption: string;
  cases: CaseItem[];
  today: string;
  ref?: Ref<HTMLDivElement>;
}

/** A page of a queue's cases: what an officer needs to pick the next one, and a link to it. */
export function CaseQueueTable({ caption, cases, today, ref }: Props) {
  const { t } = useTranslation('queue');
  const label = useCodeLabel();
  const f = useFormat();
  return (
    <TableContainer component={Paper} variant="outlined" ref={ref} tabIndex={-1}>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('table.reference')}</TableCell>
            <TableCell scope="col">{t('table.person')}</TableCell>
            <TableCell scope="col">{t('table.category')}</TableCell>
            <TableCell scope="col">{t('table.status')}</TableCell>
            <TableCell scope="col">{t('table.risk')}</TableCell>
            <TableCell scope="col">{t('table.nextStep')}</TableCell>
            <TableCell scope="col">{t('table.opened')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cases.map((item) => (
            <TableRow key={item.id}>
              <TableCell component="th" scope="row">
                <Link
                  component={RouterLink}
                  to={`/cases/${item.id}`}
                  sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
                >
                  {item.reference}
                </Link>
              </TableCell>
              <TableCell>
                {item.primaryPerson ? (
                  <>
                    {item.primaryPerson.name}
                    {item.primaryPerson.masked && (
                      <Typography component="span" variant="body2" color="text.secondary">
                        {` (${t('table.initials')})`}
                      </Typography>
                    )}
                  </>
                ) : (
                  <span title={t('table.hiddenLabel')}>
                    <span aria-hidden="true">{t('table.hidden')}</span>
                    <Box component="span" sx={visuallyHidden}>
                      {t('table.hiddenLabel')}
                    </Box>
                  </span>
                )}
              </TableCell>
              <TableCell>{label('caseCategories', item.primaryCategory)}</TableCell>
              <TableCell>{label('caseStatuses', item.status)}</TableCell>
              <TableCell>{label('riskLevels', item.riskLevel)}</TableCell>
              <TableCell sx={{ maxWidth: 320 }}>
                {item.nextStep ?? (!item.nextStepDue ? t('table.noNextStep') : null)}
                {item.nextStepDue && (
                  <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                    {t('table.due', { date: f.date(item.nextStepDue) })}
                    {isOverdue(item, today) && (
                      <Chip
                        label={t('table.overdue')}
                        color="error"
                        size="small"
                        variant="outlined"
                        sx={{ ml: 1, fontWeight: 600 }}
                      />
                    )}
                  </Box>
                )}
              </TableCell>
              <TableCell>{f.date(item.openedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Read by screen readers, not shown: MUI's visuallyHidden as sx. */
const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
