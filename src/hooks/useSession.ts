/** The signed-in user for a page; signs in (WeChat identity or a demo account) when nobody is yet. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { User } from '../../core/contract';
import { ensureSignedIn } from '../api/auth';
import { getUser, subscribe } from '../api/session';

export type SessionStatus = 'loading' | 'ready' | 'anonymous' | 'error';

export interface SessionState {
  user: User | null;
  status: SessionStatus;
  error: unknown;
  retry: () => void;
}

export function useSession(): SessionState {
  const user = useSyncExternalStore(subscribe, getUser, getUser);
  const [status, setStatus] = useState<SessionStatus>(user ? 'ready' : 'loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (user) {
      setStatus('ready');
      return;
    }
    let live = true;
    setStatus('loading');
    ensureSignedIn().then(
      (u) => live && setStatus(u ? 'ready' : 'anonymous'),
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setStatus('error');
      },
    );
    return () => {
      live = false;
    };
  }, [user, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { user, status, error, retry };
}
