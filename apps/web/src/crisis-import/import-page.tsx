import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ApiError } from '../api/call';
import { ProblemAlert } from '../shell/problem-alert';
import { ImportProgress } from './import-progress';
import {
  commitImport,
  downloadReport,
  downloadTemplate,
  previewImport,
  useCrisisEvent,
  useImportStatus,
  type ImportPreview,
} from './import-queries';
import { PreviewReport } from './preview-report';

/**
 * `/crisis/:id/import`: a list of affected nationals from a file. The file is checked first (a
 * report per row, nothing recorded); the officer then imports the valid rows, which a queued job
 * puts on the roster while the screen shows its progress, and ends with what it did.
 */
export function ImportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('crisisImport');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const event = useCrisisEvent(id);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [committed, setCommitted] = useState<string | undefined>();

  const preview = useMutation({
    mutationFn: (chosen: File) => previewImport(id, chosen),
    onSuccess: () => setTimeout(() => document.getElementById('preview-summary')?.focus()),
  });
  const commit = useMutation({
    mutationFn: (importId: string) => commitImport(id, importId),
    onSuccess: (queued) => setCommitted(queued.importId),
  });
  const status = useImportStatus(id, committed);
  const download = useMutation({
    mutationFn: (what: { report: string } | { template: 'csv' | 'xlsx' }) =>
      'report' in what
        ? downloadReport(id, what.report, lang)
        : downloadTemplate(what.template, lang),
    onSuccess: (name, what) =>
      setSaved(t('report' in what ? 'reportSaved' : 'template.saved', { name })),
  });

  const check = () => {
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    preview.mutate(file);
  };
  const restart = () => {
    preview.reset();
    commit.reset();
    setCommitted(undefined);
    setFile(null);
    if (input.current) input.current.value = '';
    setTimeout(() => input.current?.focus());
  };

  const checked: ImportPreview | undefined = preview.data;
  const columnErrors =
    preview.error instanceof ApiError ? (preview.error.problem?.errors ?? []) : [];

  return (
    <Box sx={{ maxWidth: 960 }}>
      <Link component={RouterLink} to={`/crisis/${id}`}>
        {t('back')}
      </Link>
      <Typography variant="h4" component="h1" sx={{ mt: 1 }}>
        {t('title')}
      </Typography>
      {event.data && (
        <Typography variant="subtitle1" component="p">
          {event.data.name}
        </Typography>
      )}
      {event.error && <ProblemAlert error={event.error} />}
      <Typography sx={{ mt: 2 }}>{t('intro')}</Typography>

      <Box component="section" aria-labelledby="template-title" sx={{ mt: 3 }}>
        <Typography id="template-title" variant="h6" component="h2">
          {t('template.title')}
        </Typography>
        <Typography>{t('template.hint')}</Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
          <Button variant="outlined" onClick={() => download.mutate({ template: 'csv' })}>
            {t('template.csv')}
          </Button>
          <Button variant="outlined" onClick={() => download.mutate({ template: 'xlsx' })}>
            {t('template.xlsx')}
          </Button>
        </Stack>
      </Box>

      {!committed && (
        <Box component="section" aria-labelledby="file-title" sx={{ mt: 3 }}>
          <Typography id="file-title" variant="h6" component="h2">
            <label htmlFor="import-file">{t('file.label')}</label>
          </Typography>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={2}
            sx={{ mt: 1, alignItems: 'center' }}
          >
            <input
              id="import-file"
              ref={input}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={missing ? 'file-missing' : undefined}
              aria-invalid={missing || undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
                preview.reset();
              }}
            />
            <Button variant="contained" onClick={check} disabled={preview.isPending}>
              {preview.isPending ? t('file.reviewing') : t('file.preview')}
            </Button>
          </Stack>
          {missing && (
            <Typography id="file-missing" color="error" role="alert" sx={{ mt: 1 }}>
              {t('file.missing')}
            </Typography>
          )}
        </Box>
      )}

      {preview.error && (
        <Box sx={{ mt: 2 }}>
          <ProblemAlert error={preview.error} />
          {columnErrors.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <Typography>{t('columnsProblem')}</Typography>
              <Box component="ul">
                {columnErrors.map((e) => (
                  <li key={`${e.field}-${e.code}`}>
                    <strong>{e.field}</strong>: {e.message}
                  </li>
                ))}
              </Box>
            </Box>
          )}
        </Box>
      )}

      {checked && <PreviewReport preview={checked} />}

      {checked && !committed && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 3 }}>
          <Button
            variant="contained"
            disabled={checked.validRows === 0 || commit.isPending}
            onClick={() => commit.mutate(checked.importId)}
          >
            {checked.validRows === 0 ? t('commitNone') : t('commit', { count: checked.validRows })}
          </Button>
          <Button variant="outlined" onClick={() => download.mutate({ report: checked.importId })}>
            {t('report')}
          </Button>
          <Button onClick={restart}>{t('another')}</Button>
        </Stack>
      )}
      {commit.error && <ProblemAlert error={commit.error} />}

      {status.data && <ImportProgress status={status.data} />}
      {status.error && <ProblemAlert error={status.error} />}
      {(status.data?.status === 'completed' || status.data?.status === 'failed') && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
          {status.data.status === 'completed' && (
            <Button component={RouterLink} to={`/crisis/${id}/roster`} variant="contained">
              {t('done.roster')}
            </Button>
          )}
          <Button variant="outlined" onClick={() => download.mutate({ report: committed! })}>
            {t('report')}
          </Button>
          <Button onClick={restart}>{t('another')}</Button>
        </Stack>
      )}

      {download.error && <ProblemAlert error={download.error} />}
      {saved && (
        <Alert severity="info" role="status" sx={{ mt: 2 }}>
          {saved}
        </Alert>
      )}
    </Box>
  );
}
