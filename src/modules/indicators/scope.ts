import type { Actor, StaffActor } from '../../platform/auth';
import type { Bilingual } from '../../platform/errors';
import { forbidden, notFound } from '../../platform/errors';
import { assertCommuneAccess, requireCommuneRef } from '../admin-units';

/** The reporting period as sent with every payload. */
export interface Period {
  from: string;
  to: string;
  months: string[];
  /** 'dd/MM/yyyy' of the first and last day, as printed on reports. */
  first: string;
  last: string;
}

/**
 * How fresh the figures are. The aggregates change in the same transaction as each dossier, so
 * they are live: `asOf` is the moment of the answer, `lastChangeAt` the last dossier change counted.
 */
export interface Freshness {
  mode: 'live';
  asOf: string;
  lastChangeAt: string | null;
  note: Bilingual;
}

export function freshness(now: Date, lastChange: Date | null): Freshness {
  return {
    mode: 'live',
    asOf: now.toISOString(),
    lastChangeAt: lastChange?.toISOString() ?? null,
    note: {
      vi: 'Số liệu cập nhật ngay khi hồ sơ thay đổi (cùng giao dịch), không chờ tổng hợp cuối ngày',
      en: 'Figures change with each dossier change (same transaction); no end-of-day batch',
    },
  };
}

/** Dashboards are for the office and its leaders; volunteers and citizens have their own views. */
const DASHBOARD_ROLES = ['officer', 'specialist', 'leader', 'commune_admin', 'province_viewer'] as const;

export function assertCanReadCommune(actor: StaffActor, communeCode: string): void {
  requireCommuneRef(communeCode);
  assertCommuneAccess(actor, communeCode);
  if (!(DASHBOARD_ROLES as readonly string[]).includes(actor.role)) throw forbidden();
}

/** The province view: province accounts of that province. Another province answers 404. */
export function assertCanReadProvince(actor: Actor, provinceCode: string): void {
  if (actor.kind !== 'staff') throw forbidden();
  if (actor.provinceCode !== provinceCode) {
    throw notFound('PROVINCE_NOT_FOUND', { vi: `Không tìm thấy tỉnh/thành phố có mã ${provinceCode}`, en: `No province with code ${provinceCode}` });
  }
  if (actor.communeCode !== null || actor.role !== 'province_viewer') throw forbidden();
}
