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
    sharedPromise<T>(path).then(
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

/** Several pieces of shared reference data at once (e.g. the descriptions of every workflow); `paths` null waits. */
export function useSharedAll<T>(paths: string[] | null): Loaded<T[]> {
  const [state, setState] = useState<{ data: T[] | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: paths !== null });
  const [tick, setTick] = useState(0);
  const key = paths === null ? null : JSON.stringify(paths);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const wanted = JSON.parse(key) as string[];
    setState((s) => ({ ...s, loading: true }));
    Promise.all(wanted.map((path) => sharedPromise<T>(path))).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => {
    if (key !== null) for (const path of JSON.parse(key) as string[]) shared.delete(path);
    setTick((t) => t + 1);
  }, [key]);
  return { ...state, reload };
}

function sharedPromise<T>(path: string): Promise<T> {
  let promise = shared.get(path) as Promise<T> | undefined;
  if (!promise) {
    promise = api<T>(path);
    shared.set(path, promise);
    promise.catch(() => shared.delete(path));
  }
  return promise;
}

/** Forgets shared reference data, e.g. at logout or after an administrator changed the directory. */
export function forgetShared(prefix = ''): void {
  for (const key of [...shared.keys()]) if (key.startsWith(prefix)) shared.delete(key);
}
