import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/call';
import { useFormat } from '../shell/format';
import { useHasPermission } from '../shell/use-me';
import { ProblemAlert } from '../shell/problem-alert';
import {
  downloadRegionalReportFile,
  reportInProgress,
  type RegionalReport,
  type RegionalReportFileName,
} from './report-api';
import { useRegionalReports, useRequestRegionalReport } from './use-regional-reports';

/**
 * The semester report: request it, follow its progress, and download its PDFs and annex, each
 * with the SHA-256 that lets a reader check the file they were sent is the one produced.
 */
export function ReportsSection({ semester }: { semester: string }) {
  const { t } = useTranslation('regional');
  const f = useFormat();
  const mayRequest = useHasPermission('regional:manage');
  const reports = useRegionalReports(semester);
  const request = useRequestRegionalReport(semester);
  const download = useMutation({
    mutationFn: ({ id, name }: { id: string; name: RegionalReportFileName }) =>
      downloadRegionalReportFile(id, name),
  });
  const noExports =
    request.error instanceof ApiError &&
    request.error.problem?.code === 'REGIONAL_REPORT_NO_EXPORTS';
  const items = reports.data?.items ?? [];
  const running = items.filter(reportInProgress);
  // The report just asked for, as the polled list last saw it: its end is announced too.
  const requested = request.data
    ? (items.find((item) => item.id === request.data.id) ?? request.data)
    : undefined;
  return (
    <Stack component="section" aria-labelledby="reports-title" spacing={2}>
      <Typography id="reports-title" variant="h2" sx={{ fontSize: '1.5rem' }}>
        {t('reports.title')}
      </Typography>
      <Typography>{t('reports.intro')}</Typography>
      {mayRequest ? (
        <Box>
          <Button variant="contained" onClick={() => request.mutate()} disabled={request.isPending}>
            {t('reports.request', { semester })}
          </Button>
        </Box>
      ) : null}
      <Box role="status" aria-live="polite">
        {requested ? (
          <Alert severity={requested.status === 'failed' ? 'error' : 'success'}>
            {t(`reports.outcome.${requested.status}`, { semester })}
          </Alert>
        ) : null}
        {noExports ? (
          <Alert severity="warning">{t('reports.noExports', { semester })}</Alert>
        ) : null}
        {request.error && !noExports ? <ProblemAlert error={request.error} /> : null}
        {download.data ? (
          <Alert severity="success">{t('reports.downloaded', { name: download.data })}</Alert>
        ) : null}
        {download.error ? <ProblemAlert error={download.error} /> : null}
      </Box>
      {running.map((report) => (
        <Box key={report.id}>
          <Typography id={`progress-${report.id}`} variant="body2">
            {t('reports.progress', { date: f.dateTime(report.requestedAt) })}:{' '}
            {t(`reports.statuses.${report.status}`, { progress: report.progress, code: '' })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={report.progress}
            aria-labelledby={`progress-${report.id}`}
          />
        </Box>
      ))}
      {reports.error ? <ProblemAlert error={reports.error} /> : null}
      {reports.data && items.length === 0 ? <Typography>{t('reports.none')}</Typography> : null}
      {items.length > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption>{t('reports.caption', { semester })}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('reports.requestedAt')}</TableCell>
                <TableCell scope="col">{t('reports.status')}</TableCell>
                <TableCell scope="col">{t('reports.countries')}</TableCell>
                <TableCell scope="col">{t('reports.files')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((report) => (
                <ReportRow
                  key={report.id}
                  report={report}
                  onDownload={(name) => download.mutate({ id: report.id, name })}
                  downloading={download.isPending}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Stack>
  );
}

interface RowProps {
  report: RegionalReport;
  onDownload(name: RegionalReportFileName): void;
  downloading: boolean;
}

function ReportRow({ report, onDownload, downloading }: RowProps) {
  const { t } = useTranslation('regional');
  const f = useFormat();
  const date = f.dateTime(report.requestedAt);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {date}
      </TableCell>
      <TableCell>
        {t(`reports.statuses.${report.status}`, {
          progress: report.progress,
          code: report.error?.code ?? '',
        })}
      </TableCell>
      <TableCell>{report.countries.join(', ')}</TableCell>
      <TableCell>
        {report.status === 'done' ? (
          <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {report.files.map((file) => {
              const name = t(`reports.fileNames.${file.name}`, { defaultValue: file.name });
              return (
                <li key={file.name}>
                  <Button
                    size="small"
                    variant="outlined"
                    disabled={downloading}
                    onClick={() => onDownload(file.name)}
                    aria-label={t('reports.downloadLabel', { file: name, date })}
                  >
                    {t('reports.download', { file: name })}
                  </Button>
                  <Typography
                    variant="body2"
                    sx={{ fontFamily: 'monospace', wordBreak: 'break-all', fontSize: '0.75rem' }}
                  >
                    {t('reports.sha256', { sha256: file.sha256 })}
                  </Typography>
                </li>
              );
            })}
          </Stack>
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  );
}
