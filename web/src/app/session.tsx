import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';
import {
  signOut as deleteSession,
  getSession,
  signIn as postSession,
  type Role,
  type Session,
} from '../api/session.ts';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

export interface SessionContextValue {
  status: SessionStatus;
  session: Session | null;
  /** Why the session could not be read (network, server), when status is 'error'. */
  error: unknown;
  /** True once a signed-in user's session ended by itself (expired, or signed out elsewhere). */
  expired: boolean;
  signIn: (username: string, password: string, totp?: string) => Promise<Session>;
  /** Ends the session; `then` runs in the same update (a navigation away, say). */
  signOut: (then?: () => void) => Promise<void>;
  /** Reads the session again (after an error, or after the user changed). */
  reload: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

// GET /session answers 401 when nobody is signed in, which the browser logs as a failed
// request on every public page. A hint (never a secret: the session itself is an HttpOnly
// cookie) remembers whether this browser signed in, so a visitor who never did is not asked.
const HINT_KEY = 'leitai.signedIn';

function readHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage disabled: the session is then read on every load.
  }
}

/**
 * Reads who is signed in when the app loads (GET /session; 401 means nobody) and keeps the
 * CSRF token for the API client. Pages read it with `useSession()`.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{
    status: SessionStatus;
    session: Session | null;
    error: unknown;
    expired: boolean;
  }>({ status: 'loading', session: null, error: undefined, expired: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0 && !readHint()) {
      setState({ status: 'signed-out', session: null, error: undefined, expired: false });
      return;
    }
    const controller = new AbortController();
    getSession(controller.signal).then(
      (session) => {
        writeHint(true);
        setCsrfToken(session.csrfToken);
        setState({ status: 'signed-in', session, error: undefined, expired: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setCsrfToken(null);
        const signedOut = error instanceof ApiError && error.status === 401;
        if (signedOut) writeHint(false);
        setState({
          status: signedOut ? 'signed-out' : 'error',
          session: null,
          error: signedOut ? undefined : error,
          expired: false,
        });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        writeHint(false);
        setCsrfToken(null);
        setState({ status: 'signed-out', session: null, error: undefined, expired: true });
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string, totp?: string) => {
    const session = await postSession(username, password, totp);
    writeHint(true);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session, error: undefined, expired: false });
    return session;
  }, []);

  const signOut = useCallback(async (then?: () => void) => {
    try {
      await deleteSession();
    } catch {
      // Already gone on the server: signed out all the same.
    } finally {
      then?.();
      writeHint(false);
      setCsrfToken(null);
      setState({ status: 'signed-out', session: null, error: undefined, expired: false });
    }
  }, []);

  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, status: 'loading' }));
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ ...state, signIn, signOut, reload }),
    [state, signIn, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** True when the user acts with one of the roles (an admin also as secadmin/auditor without 三权分立). */
export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  const held = session?.effectiveRoles ?? session?.user.roles ?? [];
  return roles.some((role) => held.includes(role));
}
