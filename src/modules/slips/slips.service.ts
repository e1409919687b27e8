import type { Actor, StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, forbidden } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { addDays, makeLocalInstant, toLocalDate } from '../../shared/calendar';
import { assertCommuneAccess } from '../admin-units';
import { countDossiersReceivedBetween, getDossierRecord, listDossiersReceivedBetween } from '../dossiers';
import { listProcedures } from '../procedures';
import { renderControlSheet } from './render-control';
import { renderApology, renderStopNotice } from './render-notices';
import { renderReceipt, renderRefusal, renderSupplementRequest } from './render-reception';
import { renderRegister, type RegisterEntry } from './render-register';
import { loadAgencyNames, loadSlipContext, type NamedAction, type SlipContext } from './slip-context';
import { findSlipAction, slipKindInfo, type SlipKind } from './slip-kinds';

/** Roles that print slips: the one-stop chain and readers above it; volunteers do not handle them. */
const printingRoles = ['officer', 'specialist', 'leader', 'commune_admin', 'province_viewer'] as const;

function assertMayPrint(actor: Actor, ownerAllowed: boolean): void {
  if (actor.kind === 'citizen' ? !ownerAllowed : !(printingRoles as readonly string[]).includes(actor.role)) throw forbidden();
}

/** One official slip of a dossier as PDF; 409 when the log has nothing for it to document. */
export async function getSlipPdf(deps: AppDeps, actor: Actor, code: string, kind: SlipKind): Promise<{ bytes: Buffer; filename: string }> {
  const record = await getDossierRecord(deps, actor, code);
  assertMayPrint(actor, slipKindInfo[kind].owner);
  const ctx = await loadSlipContext(deps, record);
  const action = findSlipAction(kind, ctx.namedLog);
  if (!action) {
    const info = slipKindInfo[kind];
    throw conflict('SLIP_NOT_APPLICABLE', {
      vi: `Hồ sơ ${code} không có "${info.titleVi}" ở trạng thái hiện tại`,
      en: `Dossier ${code} has no "${info.titleEn}" in its current state`,
    });
  }
  const bytes = await render(deps, ctx, kind, action);
  if (actor.kind === 'staff') {
    // The slip shows the applicant's full name, address and phone (ND 13/2023: access is recorded).
    await writeAudit(deps.db, actor, deps.now(), { action: 'dossier.slip.print', entity: 'dossier', entityId: code, communeCode: record.dossier.communeCode, details: { kind } });
  }
  return { bytes, filename: `${kind}-${code}.pdf` };
}

async function render(deps: AppDeps, ctx: SlipContext, kind: SlipKind, action: NamedAction): Promise<Buffer> {
  switch (kind) {
    case 'receipt': {
      const at = new Date(action.at);
      const year = toLocalDate(at).slice(0, 4);
      const before = await countDossiersReceivedBetween(deps, ctx.record.dossier.communeCode, makeLocalInstant(`${year}-01-01`, 0), at);
      return renderReceipt(ctx, action, { registerBook: year, registerNumber: before + 1 });
    }
    case 'supplement-request': return renderSupplementRequest(ctx, action);
    case 'refusal': return renderRefusal(ctx, action);
    case 'apology': return renderApology(ctx, action);
    case 'control-sheet': return renderControlSheet(ctx);
    case 'stop-notice': return renderStopNotice(ctx, action);
  }
}

/** Mẫu 06 for [from, to] (local dates, inclusive), numbered continuously through each year. */
export async function getRegisterPdf(deps: AppDeps, actor: StaffActor, communeCode: string, period: { from?: string; to?: string }): Promise<{ bytes: Buffer; filename: string }> {
  assertCommuneAccess(actor, communeCode);
  assertMayPrint(actor, false);
  const today = toLocalDate(deps.now());
  const from = period.from ?? `${today.slice(0, 7)}-01`;
  const to = period.to ?? today;
  const start = makeLocalInstant(from, 0);
  const records = await listDossiersReceivedBetween(deps, communeCode, start, makeLocalInstant(addDays(to, 1), 0));
  const names = new Map((await listProcedures(deps)).map((p) => [p.code, p.name]));
  const counters = new Map<string, number>();
  const entries: RegisterEntry[] = [];
  for (const record of records) {
    const year = toLocalDate(record.dossier.receivedAt!).slice(0, 4);
    let n = counters.get(year);
    if (n === undefined) {
      const yearStart = makeLocalInstant(`${year}-01-01`, 0);
      n = await countDossiersReceivedBetween(deps, communeCode, yearStart, start > yearStart ? start : yearStart);
    }
    counters.set(year, n + 1);
    entries.push({ number: n + 1, record, procedureName: names.get(record.dossier.procedureCode) ?? record.dossier.procedureCode });
  }
  const bytes = await renderRegister({ agency: await loadAgencyNames(deps, communeCode), from, to, entries, printedAt: deps.now() });
  await writeAudit(deps.db, actor, deps.now(), { action: 'commune.register.print', entity: 'commune', entityId: communeCode, communeCode, details: { from, to, count: entries.length } });
  return { bytes, filename: `so-theo-doi-${communeCode}-${from}-${to}.pdf` };
}
