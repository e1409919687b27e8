import { toLocalDate } from '../../shared/calendar';

/**
 * Mã số hồ sơ, TT 01/2018/TT-VPCP Art. 19: `<agency identifier>-YYMMDD-XXXX`,
 * with the receipt date in Vietnamese local time and a daily sequence of at
 * least four digits (TT 04/2025 allows more when a day needs it).
 */
export function formatDossierCode(agencyCode: string, at: Date, seq: number): string {
  return `${agencyCode}-${localDayKey(at)}-${String(seq).padStart(4, '0')}`;
}

/** YYMMDD of the local (Asia/Ho_Chi_Minh) day. */
export function localDayKey(at: Date): string {
  return toLocalDate(at).slice(2).replaceAll('-', '');
}

const CODE_PATTERN = /^[A-Za-z0-9.]{3,40}-\d{6}-\d{4,8}$/;

export function looksLikeDossierCode(s: string): boolean {
  return CODE_PATTERN.test(s);
}
