import { writeAudit } from '../../platform/audit';
import type { StaffActor } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { renderReportPdf } from './export-pdf';
import { renderReportXlsx } from './export-xlsx';
import { requirePeriod } from './indicators.service';
import { buildCommuneReport } from './report-data';
import { t, type Lang } from './report-labels';
import { assertCanReadCommune } from './scope';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * The monthly report of a commune as Excel or PDF. Every export is audited: who took which
 * commune's figures for which period (the file leaves the system).
 */
export async function exportCommuneReport(
  deps: AppDeps, actor: StaffActor, communeCode: string, q: { from?: string; to?: string; lang: Lang }, format: 'xlsx' | 'pdf',
): Promise<ExportedFile> {
  assertCanReadCommune(actor, communeCode);
  // A monthly report: the last whole month unless a period is given.
  const period = q.from || q.to ? requirePeriod(deps, q) : lastWholeMonth(deps.now());
  const now = deps.now();
  const report = await buildCommuneReport(deps, communeCode, period, t(q.lang, 'grandTotal'));
  const body = format === 'xlsx' ? await renderReportXlsx(report, q.lang, now) : await renderReportPdf(report, q.lang, now);
  await writeAudit(deps.db, actor, now, {
    action: 'indicators.export', entity: 'commune_report', entityId: `${communeCode}:${period.from}..${period.to}`, communeCode,
    details: { format, from: period.from, to: period.to, lang: q.lang, bytes: body.length },
  });
  const suffix = period.from === period.to ? period.from : `${period.from}_${period.to}`;
  return { fileName: `bao-cao-${communeCode}-${suffix}.${format}`, contentType: contentTypes[format], body };
}

function lastWholeMonth(now: Date): { from: string; to: string } {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const prev = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  const month = prev.toISOString().slice(0, 7);
  return { from: month, to: month };
}
