import { listApplicableSlips, type SlipKind } from '../../../src/modules/slips/slip-kinds';
import type { DossierView } from './dossiers';

export type { SlipKind };

/** The official slip as a PDF, opened in the browser's viewer to print (GET, cookie session). */
export const slipUrl = (code: string, kind: SlipKind) => `/api/dossiers/${encodeURIComponent(code)}/slips/${kind}.pdf`;

/** Sổ theo dõi hồ sơ (Mẫu 06) for a period, as an A4 PDF. */
export const registerUrl = (communeCode: string, from: string, to: string) =>
  `/api/communes/${communeCode}/register.pdf?from=${from}&to=${to}`;

/** The slips this dossier's log documents now (the same pure rule the server applies). */
export function applicableSlips(d: DossierView, forOwner = false): SlipKind[] {
  return listApplicableSlips(d.timeline.map((e) => ({ type: e.type as never, at: e.at, actorRole: e.actorRole as never, payload: e.payload })), forOwner);
}
