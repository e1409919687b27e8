import { z } from 'zod';
import { bilingual } from '../../platform/errors';

/**
 * Receiving-agency identifier used as the first part of dossier codes
 * (TT 01/2018/TT-VPCP Art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX; the identifier itself
 * follows TT 10/2016/TT-BTTTT). Until the province publishes the commune's real
 * identifier we use a placeholder built from the official codes; the commune admin
 * replaces it.
 */
export function defaultAgencyCode(communeCode: string, provinceCode: string): string {
  return `000.00.${communeCode}.H${provinceCode}`;
}

/** Dot-separated upper-case groups; no '-', which separates the parts of a dossier code. */
export const agencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,6}(\.[A-Z0-9]{1,6}){2,5}$/, {
    message: bilingual(
      'Mã định danh cơ quan gồm các nhóm chữ/số ngăn bởi dấu chấm, ví dụ 000.00.21115.H51',
      'The agency identifier is dot-separated letter/digit groups, e.g. 000.00.21115.H51',
    ),
  });
