import type { AppDeps } from '../../platform/http';

/** The public lookup link printed as a QR code on every slip and sent in messages. */
export function lookupUrl(deps: AppDeps, code: string): string {
  return `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`;
}
