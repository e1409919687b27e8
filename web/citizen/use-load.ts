import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api/client';

/** Loads data for a page; keeps the last error so the page can offer "Thử lại". */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: ApiError; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (err: unknown) => live && setState({ error: err instanceof ApiError ? err : new ApiError(0, 'CLIENT', { vi: String(err), en: String(err) }) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
