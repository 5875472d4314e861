import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shell/format';
import type { CrisisImport } from './import-queries';

/** Where a committed import is: queued, a progress bar while it runs, then what it did. */
export function ImportProgress({ status }: { status: CrisisImport }) {
  const { t } = useTranslation('crisisImport');
  const f = useFormat();
  const { processed, total } = status.progress;
  if (status.status === 'failed')
    return (
      <Alert severity="error" role="alert" sx={{ mt: 3 }}>
        <strong>{t('failed.title')}</strong>{' '}
        {t('failed.detail', { code: status.error ?? 'CRISIS_IMPORT_FAILED' })}
      </Alert>
    );
  if (status.status === 'completed')
    return (
      <Alert severity="success" role="status" sx={{ mt: 3 }}>
        <strong>{t('done.title')}</strong>
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          <li>{t('done.imported', { count: status.imported ?? 0 })}</li>
          {(status.skippedDuplicates ?? 0) + status.duplicateRows > 0 && (
            <li>
              {t('done.skipped', { count: (status.skippedDuplicates ?? 0) + status.duplicateRows })}
            </li>
          )}
          {status.invalidRows > 0 && <li>{t('done.invalid', { count: status.invalidRows })}</li>}
        </Box>
      </Alert>
    );
  const percent = total ? Math.round((processed / total) * 100) : 0;
  return (
    <Box component="section" aria-labelledby="import-progress" sx={{ mt: 3 }}>
      <Typography id="import-progress" variant="h5" component="h2">
        {t('progress.title')}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={t('progress.label')}
        aria-valuetext={t('progress.running', {
          processed: f.number(processed),
          total: f.number(total),
        })}
        sx={{ my: 2, height: 10 }}
      />
      <Typography role="status">
        {status.status === 'queued'
          ? t('progress.queued')
          : t('progress.running', { processed: f.number(processed), total: f.number(total) })}
      </Typography>
    </Box>
  );
}
