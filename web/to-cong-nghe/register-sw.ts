/**
 * The service worker (built by build/pwa-plugin.ts from sw/worker.ts) keeps the app shell on the phone, so the app
 * opens with no connection after the first visit. Service workers need HTTPS or localhost: on a plain-HTTP commune
 * LAN the app still works online, and says so on the home page.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/to-cong-nghe/sw.js', { scope: '/to-cong-nghe/' }).catch(() => {
    // Not a secure context, or storage is full: nothing to do but keep working online.
  });
}

export const offlineCapable = () => 'serviceWorker' in navigator && window.isSecureContext;
