import type { StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assertCommuneAccess, assertCommuneAdmin } from '../admin-units';
import { findProcedure } from '../procedures';
import type { FeeCondition } from './payments.schema';
import * as repo from './payments.repo';
import { findBank } from './reference-data';

/** The commune's receiving account (any staff of the commune may read it; it is printed on every receipt). */
export async function getAccount(deps: AppDeps, actor: StaffActor, communeCode: string) {
  assertCommuneAccess(actor, communeCode);
  const a = await repo.findAccount(deps.db, communeCode);
  if (!a) return { account: null };
  const bank = findBank(a.bankBin);
  return { account: { bankBin: a.bankBin, bankName: bank?.name ?? '', bankShortName: bank?.shortName ?? '', accountNumber: a.accountNumber, accountName: a.accountName, updatedAt: a.updatedAt.toISOString() } };
}

export async function setAccount(deps: AppDeps, actor: StaffActor | undefined, communeCode: string, body: { bankBin: string; accountNumber: string; accountName: string }) {
  const admin = assertCommuneAdmin(actor, communeCode);
  const bank = findBank(body.bankBin);
  if (!bank || bank.vietQr === 'not_supported') {
    throw unprocessable('BANK_NOT_SUPPORTED', { vi: 'Ngân hàng này không nhận chuyển khoản VietQR', en: 'This bank does not receive VietQR transfers' });
  }
  await repo.upsertAccount(deps.db, { communeCode, bankBin: body.bankBin, accountNumber: body.accountNumber, accountName: body.accountName, updatedAt: deps.now(), updatedBy: admin.accountId });
  await writeAudit(deps.db, admin, deps.now(), { action: 'payment.account_set', entity: 'commune', entityId: communeCode, communeCode, details: { bankBin: body.bankBin } });
  return getAccount(deps, admin, communeCode);
}

function toRuleView(r: repo.RuleRow) {
  return {
    id: r.id, scope: r.scope === 'national' ? ('national' as const) : ('commune' as const), procedureCode: r.procedureCode, kind: r.kind, percent: r.percent,
    condition: r.condition, reasonVi: r.reasonVi, reasonEn: r.reasonEn, legalBasis: r.legalBasis, validFrom: r.validFrom, validTo: r.validTo,
    active: r.active, editable: r.scope !== 'national',
  };
}

export async function listFeeRules(deps: AppDeps, actor: StaffActor, communeCode: string) {
  assertCommuneAccess(actor, communeCode);
  return (await repo.listRulesOfScopes(deps.db, ['national', communeCode])).map(toRuleView);
}

export interface RuleBody {
  procedureCode: string;
  kind: 'exemption' | 'reduction';
  percent: number;
  condition: FeeCondition;
  reasonVi: string;
  reasonEn: string;
  legalBasis: string;
  validFrom?: string | null;
  validTo?: string | null;
  active: boolean;
}

/** The commune admin's own rules (the province's reductions); the law's rules (scope national) are read-only. */
export async function saveFeeRule(deps: AppDeps, actor: StaffActor | undefined, communeCode: string, id: string | undefined, body: RuleBody) {
  const admin = assertCommuneAdmin(actor, communeCode);
  if (id) {
    const existing = await repo.findRule(deps.db, id);
    if (!existing || existing.scope !== communeCode) throw notFound('FEE_RULE_NOT_FOUND', { vi: 'Không tìm thấy quy định này của xã', en: "No such rule of this commune" });
  }
  if (body.procedureCode !== '*' && !(await findProcedure(deps, body.procedureCode))) {
    throw unprocessable('UNKNOWN_PROCEDURE', { vi: `Không có thủ tục mã ${body.procedureCode}`, en: `No procedure ${body.procedureCode}` });
  }
  if (body.validFrom && body.validTo && body.validTo < body.validFrom) {
    throw unprocessable('INVALID_PERIOD', { vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must follow the start date' });
  }
  const ruleId = id ?? crypto.randomUUID();
  await repo.upsertRule(deps.db, {
    id: ruleId, scope: communeCode, procedureCode: body.procedureCode, kind: body.kind, percent: body.kind === 'exemption' ? 100 : body.percent,
    condition: body.condition, reasonVi: body.reasonVi, reasonEn: body.reasonEn, legalBasis: body.legalBasis,
    validFrom: body.validFrom ?? null, validTo: body.validTo ?? null, active: body.active, updatedAt: deps.now(), updatedBy: admin.accountId,
  });
  await writeAudit(deps.db, admin, deps.now(), { action: 'payment.fee_rule_saved', entity: 'fee_rule', entityId: ruleId, communeCode });
  return toRuleView((await repo.findRule(deps.db, ruleId))!);
}
