import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/call';

/**
 * What went wrong with a load or a change, in the user's language: the API's own problem detail,
 * or a connection message when no answer came (a fetch that never reached the API).
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t('problem.network');
  return (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  );
}
