import { useEffect, useState } from 'preact/hooks';

/**
 * Re-renders the calling component whenever its module-level store calls the functions in `listeners` (language,
 * location, a field app store), from mount until unmount.
 */
export function useListeners(listeners: Set<() => void>): void {
  const [, tick] = useState(0);
  useEffect(() => {
    const fn = () => tick((n) => n + 1);
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }, [listeners]);
}
