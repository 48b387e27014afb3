import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isAbortError } from './client.ts';

export interface RequestState<T> {
  /** The last data loaded; kept while a new key loads, so tables do not flash empty. */
  data: T | undefined;
  error: unknown;
  /** True from the very render in which the key changes until its answer arrives. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string | null;
  data: T | undefined;
  error: unknown;
  done: boolean;
}

/**
 * Loads `load` whenever `key` changes (null: load nothing), aborting the previous request so
 * a slow answer never overwrites a newer one.
 */
export function useRequest<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Settled<T>>({
    key: null,
    data: undefined,
    error: undefined,
    done: true,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on reload
  useEffect(() => {
    if (key === null) {
      setState({ key, data: undefined, error: undefined, done: true });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ key, data: previous.data, error: undefined, done: false }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, error: undefined, done: true });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState({ key, data: undefined, error, done: true });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: key === null ? undefined : state.data,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || !state.done),
    reload,
  };
}
