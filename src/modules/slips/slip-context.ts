import type { AppDeps } from '../../platform/http';
import { deriveState, type DossierAction, type DossierState } from '../../shared/dossier';
import { getCommune } from '../admin-units';
import { lookupUrl, type DossierRecord } from '../dossiers';
import { findProcedure } from '../procedures';

/** Everything a slip prints, gathered once (no I/O while drawing). */
/** A log entry with the staff member's name as recorded (printed on the slips). */
export type NamedAction = DossierAction & { actorName: string | null };

export interface SlipContext {
  record: DossierRecord;
  namedLog: NamedAction[];
  state: DossierState;
  code: string;
  applicant: { name: string; phone: string; address: string };
  procedure: { name: string; requiredDocuments: string[]; processingDays: number; feeVnd: number };
  agency: AgencyNames;
  lookupUrl: string;
  printedAt: Date;
}

export interface AgencyNames {
  /** "UBND xã Trà Bồng" */
  parent: string;
  /** "Trung tâm Phục vụ hành chính công xã Trà Bồng" (ND 118/2025: the commune-level centre since 1/7/2025). */
  center: string;
  /** Place before the date: the commune's name. */
  place: string;
}

export async function loadAgencyNames(deps: AppDeps, communeCode: string): Promise<AgencyNames> {
  const c = await getCommune(deps, communeCode);
  const local = `${c.type.toLowerCase()} ${c.name}`;
  return { parent: `UBND ${local}`, center: `Trung tâm Phục vụ hành chính công ${local}`, place: c.name };
}

export async function loadSlipContext(deps: AppDeps, record: DossierRecord): Promise<SlipContext> {
  const d = record.dossier;
  const procedure = await findProcedure(deps, d.procedureCode);
  return {
    record,
    namedLog: record.log.map((a, i) => ({ ...a, actorName: record.actions[i]?.actorName ?? null })),
    state: deriveState(record.log),
    code: d.code,
    applicant: { name: d.applicantName, phone: d.applicantPhone, address: d.applicantAddress ?? '' },
    procedure: {
      name: procedure?.name ?? d.procedureCode,
      requiredDocuments: procedure?.requiredDocuments ?? [],
      processingDays: d.processingDays,
      feeVnd: d.feeVnd,
    },
    agency: await loadAgencyNames(deps, d.communeCode),
    lookupUrl: lookupUrl(deps, d.code),
    printedAt: deps.now(),
  };
}
