/** Reading hooks over `api.call`: the last good value stays on screen while a reload runs. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorData } from '../shared/errors';
import { api, type ApiInput, type ApiMethod, type ApiResult } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: AppErrorData | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls `method` whenever `deps` change (or `reload()` is called). Answers to superseded calls are
 * dropped, so typing fast in a search box can never show the results of an older query.
 */
export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M> | undefined, deps: DependencyList, enabled = true): Loaded<ApiResult<M>> {
  const [data, setData] = useState<ApiResult<M>>();
  const [error, setError] = useState<AppErrorData>();
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    void api.call(method, inputRef.current).then((r) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (r.ok) {
        setData(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass what the input depends on
  }, [method, enabled, tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Runs `fn` on a timer while the component lives; used to keep "today" counters fresh all day. */
export function useInterval(fn: () => void, ms: number): void {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    const id = window.setInterval(() => saved.current(), ms);
    return () => window.clearInterval(id);
  }, [ms]);
}
