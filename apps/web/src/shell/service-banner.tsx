import { Alert, AlertTitle, Box } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { availability } from '../api/availability';
import { useSession } from './session';

/** Readiness says whether the API can serve again (database and queue up); no credentials needed. */
async function probe(): Promise<void> {
  try {
    availability.observe(await fetch(`${window.location.origin}/health/ready`));
  } catch {
    availability.unreachable();
  }
}

/**
 * While the API answers 503 or not at all: says so, says the work on screen is kept (nobody is
 * signed out for an outage), and tries again after the Retry-After the API sent. Gone as soon as
 * a call succeeds; what failed meanwhile is fetched again.
 */
export function ServiceBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { status, retryRestore } = useSession();
  const state = useSyncExternalStore(availability.subscribe, availability.get);
  const wasDown = useRef(false);

  useEffect(() => {
    if (state.available) {
      if (wasDown.current)
        void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
      wasDown.current = false;
      return;
    }
    wasDown.current = true;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const attempt = async () => {
      await (status === 'restoring' ? retryRestore() : probe());
      if (!stopped && !availability.get().available)
        timer = setTimeout(() => void attempt(), availability.get().retryAfterSeconds * 1000);
    };
    timer = setTimeout(() => void attempt(), state.retryAfterSeconds * 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state.available, state.retryAfterSeconds, status, retryRestore, queryClient]);

  return (
    // The live region is always there, so that what appears in it is announced.
    <Box role="status" aria-live="polite">
      {!state.available && (
        <Alert severity="warning" role="none" square>
          <AlertTitle component="p">{t('service.unavailableTitle')}</AlertTitle>
          {t('service.unavailableText', {
            seconds: new Intl.NumberFormat(document.documentElement.lang || 'es').format(
              state.retryAfterSeconds,
            ),
          })}
        </Alert>
      )}
    </Box>
  );
}
