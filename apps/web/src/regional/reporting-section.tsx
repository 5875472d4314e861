import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { regionalKeys } from './regional-queries';

/** Which member countries have sent their export of the semester. */
export function ReportingSection({ semester }: { semester: string }) {
  const { t } = useTranslation('regional');
  const f = useFormat();
  const reporting = useQuery({
    queryKey: regionalKeys.reporting(semester),
    queryFn: () =>
      unwrap(api.GET('/api/v1/regional/reporting', { params: { query: { semester } } })),
  });
  return (
    <Box component="section" aria-labelledby="reporting-title">
      <Typography id="reporting-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        {t('reporting.title')} ({semester})
      </Typography>
      {reporting.error ? <ProblemAlert error={reporting.error} /> : null}
      {reporting.data && reporting.data.countries.length === 0 ? (
        <Typography>{t('reporting.none')}</Typography>
      ) : null}
      {reporting.data && reporting.data.countries.length > 0 ? (
        <TableContainer>
          <Table size="small">
            <caption>{t('reporting.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{t('reporting.country')}</TableCell>
                <TableCell>{t('reporting.status')}</TableCell>
                <TableCell>{t('reporting.lastUpload')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reporting.data.countries.map((c) => (
                <TableRow key={c.country}>
                  <TableCell>{c.country}</TableCell>
                  <TableCell>
                    {c.reported ? `✓ ${t('reporting.reported')}` : `— ${t('reporting.missing')}`}
                  </TableCell>
                  <TableCell>{c.lastUploadedAt ? f.dateTime(c.lastUploadedAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}
