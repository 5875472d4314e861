import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { accessToken } from '../api/access-token';
import { api } from '../api/client';

interface Session {
  signedIn: boolean;
  /** Keeps the access token of a finished sign-in (in memory, see access-token.ts). */
  start(tokens: { accessToken: string }): void;
  /** Ends the session on the server too, so its tokens stop working at once. */
  end(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => accessToken.get() !== undefined);
  const start = useCallback((tokens: { accessToken: string }) => {
    accessToken.set(tokens.accessToken);
    setSignedIn(true);
  }, []);
  const end = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } finally {
      // Signed out here whatever the server says: an expired token has nothing left to end.
      accessToken.clear();
      queryClient.clear();
      setSignedIn(false);
    }
  }, [queryClient]);
  const session = useMemo(() => ({ signedIn, start, end }), [signedIn, start, end]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
