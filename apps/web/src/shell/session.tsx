import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { accessToken } from '../api/access-token';
import { availability } from '../api/availability';
import { api } from '../api/client';
import { onSessionEnded, refreshSession } from '../api/session-refresh';
import { i18n, LANGUAGES } from './i18n';
import { meQuery } from './use-me';
import { openTabChannel, type TabMessage } from './tab-channel';

/**
 * `restoring`: the page just loaded and the refresh cookie may still hold a session (asked once;
 * while the API is unavailable, asked again when it is back).
 */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

interface Session {
  status: SessionStatus;
  signedIn: boolean;
  /** Why the last session ended here, when the user did not ask for it. */
  endedBecause: 'idle' | undefined;
  /** Keeps the access token of a finished sign-in (in memory, see access-token.ts). */
  start(tokens: { accessToken: string; expiresIn: number }): void;
  /** Ends the session on the server too, so its tokens stop working at once. */
  end(reason?: 'idle'): Promise<void>;
  /** Asks the refresh cookie for a session again (after an outage during the first try). */
  retryRestore(): Promise<void>;
  /** Tells the other tabs that the user is active. */
  shareActivity(at: number): void;
  /** Activity in another tab, for the idle timer. */
  subscribeToOtherTabs(listener: (at: number) => void): () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Refresh this long before the access token expires (at most a quarter of its lifetime). */
const REFRESH_LEAD_MS = 60_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>(() =>
    accessToken.get() ? 'signed-in' : 'restoring',
  );
  const [endedBecause, setEndedBecause] = useState<'idle'>();
  const [tokenIssued, setTokenIssued] = useState(0);
  const otherTabs = useRef(new Set<(at: number) => void>());
  const channel = useRef<ReturnType<typeof openTabChannel>>(undefined);

  const signedOutHere = useCallback(() => {
    accessToken.clear();
    setStatus('signed-out');
  }, []);

  // The cache is emptied once the signed-in screens are gone: emptied while they are still mounted,
  // their queries would fetch again at once (/me without a token, a refresh, a second sign-out).
  useEffect(() => {
    if (status === 'signed-out') queryClient.clear();
  }, [status, queryClient]);

  useEffect(() => {
    const tabs = openTabChannel((message: TabMessage) => {
      if (message.type === 'signed-out') signedOutHere();
      else otherTabs.current.forEach((listener) => listener(message.at));
    });
    channel.current = tabs;
    const stopListening = onSessionEnded(signedOutHere);
    return () => {
      stopListening();
      tabs.close();
    };
  }, [signedOutHere]);

  const retryRestore = useCallback(async () => {
    const outcome = await refreshSession();
    if (outcome.kind === 'refreshed') {
      setStatus('signed-in');
      setTokenIssued((n) => n + 1);
    } else if (outcome.kind === 'ended') setStatus('signed-out');
  }, []);

  // Once, on load: later attempts come from the service banner's retries.
  const restoring = useRef(status === 'restoring');
  useEffect(() => {
    if (restoring.current) void retryRestore();
    restoring.current = false;
  }, [retryRestore]);

  // A new access token shortly before this one expires, so calls never meet an expired one.
  useEffect(() => {
    const expiresAt = accessToken.expiresAt();
    if (status !== 'signed-in' || expiresAt === undefined) return;
    const left = expiresAt - Date.now();
    const timer = setTimeout(
      () => {
        void refreshSession().then((outcome) => {
          if (outcome.kind === 'refreshed') setTokenIssued((n) => n + 1);
          // Unavailable: the next call's 401 (or the banner's retry) tries again.
          else if (outcome.kind === 'unavailable')
            setTimeout(
              () => setTokenIssued((n) => n + 1),
              availability.get().retryAfterSeconds * 1000,
            );
        });
      },
      Math.max(left - Math.min(REFRESH_LEAD_MS, left / 4), 0),
    );
    return () => clearTimeout(timer);
  }, [status, tokenIssued]);

  // The registry speaks to users in the language of their account, whatever the browser chose.
  useEffect(() => {
    if (status !== 'signed-in') return;
    void queryClient
      .fetchQuery(meQuery)
      .then((me) => {
        const locale = LANGUAGES.find((language) => language === me.locale);
        if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
      })
      .catch(() => undefined);
  }, [status, queryClient]);

  const start = useCallback((tokens: { accessToken: string; expiresIn: number }) => {
    accessToken.set(tokens.accessToken, tokens.expiresIn);
    setEndedBecause(undefined);
    setStatus('signed-in');
    setTokenIssued((n) => n + 1);
  }, []);

  const end = useCallback(
    async (reason?: 'idle') => {
      try {
        // Without an access token (it expired in a sleeping tab), the refresh cookie alone.
        await api.POST('/api/v1/auth/logout', {
          headers: { 'Content-Type': 'application/json' },
        });
      } catch {
        // Signed out here whatever the server says; the session expires on its own.
      } finally {
        channel.current?.post({ type: 'signed-out' });
        setEndedBecause(reason);
        signedOutHere();
      }
    },
    [signedOutHere],
  );

  const session = useMemo<Session>(
    () => ({
      status,
      signedIn: status === 'signed-in',
      endedBecause,
      start,
      end,
      retryRestore,
      shareActivity: (at) => channel.current?.post({ type: 'activity', at }),
      subscribeToOtherTabs: (listener) => {
        otherTabs.current.add(listener);
        return () => otherTabs.current.delete(listener);
      },
    }),
    [status, endedBecause, start, end, retryRestore],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
