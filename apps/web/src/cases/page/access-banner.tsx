import { Alert } from '@mui/material';
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';
import { caseKeys } from '../case-queries';
import type { AccessGrant } from './access-grant';

/**
 * Stays on the case while a break-the-glass grant lasts; when it ends the case is read again, and
 * the API's refusal brings the restricted notice back.
 */
export function AccessBanner({ grant }: { grant: AccessGrant }) {
  const { t } = useTranslation('cases');
  const f = useFormat();
  const queryClient = useQueryClient();
  useEffect(() => {
    const left = new Date(grant.expiresAt).getTime() - Date.now();
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(grant.caseId) }),
      Math.max(left, 0) + 1000,
    );
    return () => clearTimeout(timer);
  }, [grant, queryClient]);
  return (
    <Alert severity="warning" role="status">
      {t('restricted.banner', { time: f.dateTime(grant.expiresAt) })}
    </Alert>
  );
}
