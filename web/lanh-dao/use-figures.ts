import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api/client';

/**
 * Loads a dashboard's figures. Unlike a plain loader it keeps the figures on screen while newer ones load (a
 * refresh, another period): on 3G the page does not go blank for seconds, and the reader keeps their place.
 * `loading` says a newer answer is on its way; a failure keeps the old figures and reports the error.
 */
export function useFigures<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: ApiError; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (err: unknown) => mine === seq.current && setState((s) => ({
        data: s.data, loading: false,
        error: err instanceof ApiError ? err : new ApiError(0, 'CLIENT', { vi: String(err), en: String(err) }),
      })),
    );
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
