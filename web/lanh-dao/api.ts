import type { z } from 'zod';
import type * as c from '../../src/modules/indicators/indicators.contracts';
import { ApiError, networkError, request } from '../lib/api/client';
import type { Lang } from '../lib/i18n';

/** The indicator endpoints (src/modules/indicators/indicators.routes.ts); types from the server's zod contracts. */
export type CommuneDashboard = z.infer<typeof c.communeDashboard>;
export type ProvinceDashboard = z.infer<typeof c.provinceDashboard>;
export type PublicFigures = z.infer<typeof c.publicFigures>;
export type OverdueList = z.infer<typeof c.overdueList>;
export type IndicatorValue = z.infer<typeof c.indicatorValue>;
export type SourcePanel = CommuneDashboard['panels'][number];
export type TrendPoint = CommuneDashboard['trend']['points'][number];
export type Index766 = CommuneDashboard['index766'];
export type Freshness = CommuneDashboard['freshness'];
export type CommuneRankRow = ProvinceDashboard['communes'][number];

export interface Period { from?: string; to?: string }

export const getCommuneDashboard = (code: string, p: Period) =>
  request<CommuneDashboard>('GET', `/api/indicators/communes/${encodeURIComponent(code)}/dashboard`, { query: { ...p } });

export const getProvinceDashboard = (code: string, p: Period) =>
  request<ProvinceDashboard>('GET', `/api/indicators/provinces/${encodeURIComponent(code)}/dashboard`, { query: { ...p } });

export const getOverdue = (code: string, limit: number, offset: number) =>
  request<OverdueList>('GET', `/api/indicators/communes/${encodeURIComponent(code)}/overdue`, { query: { limit, offset } });

export const getPublicFigures = (code: string, p: Period) =>
  request<PublicFigures>('GET', `/api/public/communes/${encodeURIComponent(code)}/figures`, { query: { ...p } });

export function publicFiguresUrl(code: string, p: Period): string {
  const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();
  return `/api/public/communes/${encodeURIComponent(code)}/figures${q ? `?${q}` : ''}`;
}

/**
 * Downloads the monthly report (Excel or PDF) with the session cookie, and hands it to the browser as a file. Fetched
 * first (not a plain link) so a refusal shows as a message on the page instead of a JSON error page.
 */
export async function downloadReport(code: string, format: 'xlsx' | 'pdf', p: { from: string; to: string }, lang: Lang): Promise<string> {
  const q = new URLSearchParams({ from: p.from, to: p.to, lang }).toString();
  let res: Response;
  try {
    res = await fetch(`/api/indicators/communes/${encodeURIComponent(code)}/report.${format}?${q}`, { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const body = await res.json().catch(() => undefined) as { error?: { code: string; vi: string; en: string } } | undefined;
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, { vi: e?.vi ?? 'Không tải được báo cáo', en: e?.en ?? 'The report could not be downloaded' });
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `bao-cao-${code}.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
