import { Alert, Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/call';
import { useFormat } from '../shell/format';
import { downloadExport } from './download-export';
import { visuallyHidden } from './suppressed-mark';
import type { ExportItem } from './use-exports';

/** Saves a completed export; a refusal (expired meanwhile, not ready) shows the API's reason. */
export function ExportDownloadButton({ item }: { item: ExportItem }) {
  const { t } = useTranslation('statistics');
  const f = useFormat();
  const download = useMutation({ mutationFn: () => downloadExport(item.id) });
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        size="small"
        // Not disabled while it downloads: a disabled button drops the keyboard focus to the page.
        onClick={() => {
          if (!download.isPending) download.mutate();
        }}
        aria-busy={download.isPending}
        sx={{ minHeight: 32 }}
      >
        {download.isPending ? t('exports.downloading') : t('exports.download')}
        <span style={visuallyHidden}>
          {' '}
          {t('exports.downloadContext', { date: f.dateTime(item.requestedAt) })}
        </span>
      </Button>
      {download.isError && (
        <Alert severity="error" role="alert">
          {t('exports.downloadFailed')}
          {download.error instanceof ApiError && download.error.problem
            ? `: ${download.error.message}`
            : ''}
        </Alert>
      )}
    </Stack>
  );
}
