import { Alert, Box, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorSummary } from '../shell/error-summary';
import { ProblemAlert } from '../shell/problem-alert';
import { isBreakdownField } from './breakdown-fields';
import { ExportRequestForm, exportFieldId } from './export-request-form';
import { ExportsTable } from './exports-table';
import { formProblemsOf, localProblems } from './problem-fields';
import { inProgress, useExports, useRequestExport } from './use-exports';

const OWN_FIELDS = ['kind', 'measures', 'format', 'language'];
const fieldIdOf = (field: string) =>
  OWN_FIELDS.includes(field) || isBreakdownField(field) ? exportFieldId(field) : undefined;

/**
 * /statistics/exports: request an export, follow it while the worker produces it, download it.
 * Semester reports the user may read are listed with their own requests.
 */
export function ExportsPage() {
  const { t } = useTranslation('statistics');
  const [search] = useSearchParams();
  const exports = useExports();
  const request = useRequestExport();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const problems =
    localProblems(localErrors, fieldIdOf) ?? formProblemsOf(request.error, fieldIdOf);
  useEffect(() => {
    if (problems) summaryRef.current?.focus();
    // Focus moves when a new set of problems arrives, not on every render.
  }, [localErrors, request.error]);

  const items = exports.data?.items ?? [];
  return (
    <Stack spacing={4}>
      <Stack spacing={2}>
        <Typography component="h1" variant="h4">
          {t('exports.title')}
        </Typography>
        <Typography>{t('exports.intro')}</Typography>
      </Stack>

      <Box component="section" aria-labelledby="export-request-title">
        <Typography id="export-request-title" component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('exports.requestTitle')}
        </Typography>
        {problems && <ErrorSummary ref={summaryRef} errors={problems.summary} />}
        {request.isError && !problems && <ProblemAlert error={request.error} />}
        <ExportRequestForm
          search={search}
          errors={problems?.byField ?? {}}
          busy={request.isPending}
          onInvalid={(errors) => {
            request.reset();
            setLocalErrors(errors);
          }}
          onSubmit={(body) => {
            setLocalErrors({});
            request.mutate(body);
          }}
        />
        <Box role="status" sx={{ mt: 2 }}>
          {request.isSuccess && <Alert severity="success">{t('exports.requested')}</Alert>}
        </Box>
      </Box>

      <Box component="section" aria-labelledby="exports-list-title">
        <Typography id="exports-list-title" component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('exports.listTitle')}
        </Typography>
        {exports.isPending && <Typography role="status">{t('exports.loading')}</Typography>}
        {exports.isError && <ProblemAlert error={exports.error} />}
        {exports.data && items.length === 0 && <Typography>{t('exports.empty')}</Typography>}
        {items.length > 0 && <ExportsTable items={items} />}
        <Box role="status" sx={visuallyQuiet}>
          {items.some(inProgress) ? t('exports.refreshing') : ''}
        </Box>
      </Box>
    </Stack>
  );
}

const visuallyQuiet = { typography: 'body2', color: 'text.secondary', mt: 1 } as const;
