import { Alert, Button, Stack } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useMe } from '../shell/use-me';
import { mayCancel, transferKeys, usePendingTransferOf } from './transfer-queries';

/**
 * On the case page while a transfer of the case waits for the receiving post: where it goes, who
 * proposed it and when; those who may withdraw it can, and the case stays here.
 */
export function PendingTransferBanner({
  caseId,
  enabled,
  onNotice,
}: {
  caseId: string;
  /** Only those who may transfer ask for transfers (the API refuses everyone else). */
  enabled: boolean;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('transfers');
  const f = useFormat();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const transfer = usePendingTransferOf(caseId, enabled);
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/transfers/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      onNotice(t('banner.cancelled', { name: saved.toConsulateName ?? '' }));
      setTimeout(() => document.getElementById('case-title')?.focus());
    },
  });
  if (!transfer) return null;
  return (
    <Stack spacing={1}>
      <Alert
        severity="info"
        role="region"
        aria-labelledby={`transfer-banner-${transfer.id}`}
        action={
          mayCancel(transfer, me) ? (
            <Button
              color="inherit"
              variant="outlined"
              onClick={() => cancel.mutate(transfer.id)}
              loading={cancel.isPending}
            >
              {t('banner.cancel')}
            </Button>
          ) : undefined
        }
      >
        <Stack spacing={1}>
          <strong id={`transfer-banner-${transfer.id}`}>
            {t('banner.text', { name: transfer.toConsulateName ?? '' })}
          </strong>
          <span>
            {t('banner.proposed', {
              who: transfer.proposedByName ?? '',
              date: f.dateTime(transfer.proposedAt),
            })}
          </span>
          <span>{t('banner.reason', { reason: transfer.reason })}</span>
        </Stack>
      </Alert>
      {cancel.isError && <ProblemAlert error={cancel.error} />}
    </Stack>
  );
}
