import { useEffect, useState } from 'preact/hooks';
import { getPortal, type Portal } from '../lib/api/portal';

/**
 * The commune this portal serves (from /api/portal), cached for the page's life. A citizen who opened a link with
 * `?xa=<code>` keeps that commune on this device.
 */
const KEY = 'xaso.commune';
let portal: Promise<Portal> | undefined;

function chosenCommune(): string | undefined {
  try {
    const fromUrl = new URLSearchParams(location.search).get('xa');
    if (fromUrl && /^\d{5}$/.test(fromUrl)) localStorage.setItem(KEY, fromUrl);
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadPortal(): Promise<Portal> {
  portal ??= getPortal(chosenCommune()).catch((err) => {
    portal = undefined;
    throw err;
  });
  return portal;
}

export function usePortal(): { portal?: Portal; failed: boolean; retry: () => void } {
  const [state, setState] = useState<{ portal?: Portal; failed: boolean }>({ failed: false });
  const load = () => {
    setState({ failed: false });
    loadPortal().then((p) => setState({ portal: p, failed: false }), () => setState({ failed: true }));
  };
  useEffect(load, []);
  return { ...state, retry: load };
}
