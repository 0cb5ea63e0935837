import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type RequestOptions } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads `/api<path>` and reloads when the path or query changes; `path` null waits. */
export function useApi<T>(path: string | null, query?: RequestOptions['query']): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: path !== null });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api<T>(path, { query: queryRef.current, signal: controller.signal }).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (error) => {
        if ((error as Error).name !== 'AbortError') setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

const shared = new Map<string, Promise<unknown>>();

/**
 * Loads reference data that rarely changes (code tables, the region tree, workflow definitions) once per session and
 * shares it between pages.
 */
export function useShared<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    let promise = shared.get(path) as Promise<T> | undefined;
    if (!promise) {
      promise = api<T>(path);
      shared.set(path, promise);
      promise.catch(() => shared.delete(path));
    }
    promise.then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => {
    if (path) shared.delete(path);
    setTick((t) => t + 1);
  }, [path]);
  return { ...state, reload };
}

/** Forgets shared reference data, e.g. at logout or after an administrator changed the directory. */
export function forgetShared(prefix = ''): void {
  for (const key of [...shared.keys()]) if (key.startsWith(prefix)) shared.delete(key);
}
