import { useEffect, useState } from 'preact/hooks';
import { useMe } from '../lib/session';

/**
 * useMe() for lazily loaded pages: it subscribes in an effect, so an /api/me answer that lands between the first
 * render and that effect would be missed; one re-render after mounting reads the current value.
 */
export function useMeSettled(): ReturnType<typeof useMe> {
  const me = useMe();
  const [, recheck] = useState(0);
  useEffect(() => recheck(1), []);
  return me;
}
