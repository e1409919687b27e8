import { h, type AnchorHTMLAttributes, type ComponentChildren, type VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { useListeners } from './use-listeners';

/**
 * A tiny History-API router (about 1 KB instead of a library). Patterns like '/thu-tuc/:code'. After each
 * navigation the page's <h1> takes the focus, so screen-reader users hear where they are.
 */
const listeners = new Set<() => void>();
let navigated = false;

function notify(): void {
  navigated = true;
  listeners.forEach((fn) => fn());
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export interface Location { path: string; query: URLSearchParams }

export function useLocation(): Location {
  useListeners(listeners);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(s[i]!);
    else if (seg !== s[i]) return null;
  }
  return params;
}

/** Pages that load data show their <h1> a moment later: wait for it (at most 10 s), then focus it. */
function focusHeadingWhenShown(): () => void {
  const focus = () => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1) return false;
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
    return true;
  };
  if (focus()) return () => {};
  const observer = new MutationObserver(() => focus() && stop());
  const timer = setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
  return stop;
}

export type Route = [pattern: string, render: (params: Record<string, string>, query: URLSearchParams) => VNode];

/** Renders the first matching route (paths relative to the app's prefix, e.g. '/can-bo'). */
export function Router(props: { routes: Route[]; base?: string; notFound: () => VNode }): VNode {
  const loc = useLocation();
  const base = props.base ?? '';
  const path = loc.path.startsWith(base) ? loc.path.slice(base.length) || '/' : loc.path;
  useEffect(() => {
    if (navigated) return focusHeadingWhenShown();
  }, [loc.path]);
  for (const [pattern, render] of props.routes) {
    const params = matchPath(pattern, path);
    if (params) return render(params, loc.query);
  }
  return props.notFound();
}

/** An <a> that navigates without reloading; modified clicks (new tab) behave as usual. */
export function Link(props: AnchorHTMLAttributes & { href: string; children?: ComponentChildren }): VNode {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return h('a', { ...props, onClick }) as VNode;
}
