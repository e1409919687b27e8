import { h, type ComponentType, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Loads a page's code only when it is first shown (a separate chunk), so the first page of an app stays small.
 * `fallback` is shown while loading or if the chunk cannot be fetched (weak network: offer a retry there).
 */
export function lazyPage<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: (state: { failed: boolean; retry: () => void }) => VNode,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const [, setTick] = useState(0);
    const [failed, setFailed] = useState(false);
    const start = () => {
      setFailed(false);
      load().then((m) => {
        loaded = m.default;
        setTick((n) => n + 1);
      }, () => setFailed(true));
    };
    useEffect(() => {
      if (!loaded) start();
    }, []);
    return loaded ? h(loaded, props) : fallback({ failed, retry: start });
  };
}
