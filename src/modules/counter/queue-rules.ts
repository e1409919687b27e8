/**
 * Pure rules of the counter queue (máy bấm số). The defaults follow the procedure
 * catalogue's service groups (src/modules/procedures: serviceGroups), one letter each.
 */
export interface QueueGroupDef {
  key: string;
  name: string;
  nameEn: string;
  letter: string;
}

export const DEFAULT_QUEUE_GROUPS: readonly QueueGroupDef[] = [
  { key: 'ho_tich', name: 'Tư pháp – hộ tịch', nameEn: 'Justice and civil status', letter: 'A' },
  { key: 'chung_thuc', name: 'Chứng thực', nameEn: 'Certification', letter: 'B' },
  { key: 'dat_dai', name: 'Đất đai', nameEn: 'Land', letter: 'C' },
  { key: 'cu_tru', name: 'Cư trú', nameEn: 'Residence', letter: 'D' },
  { key: 'khac', name: 'Việc khác', nameEn: 'Other matters', letter: 'E' },
];

/** "A012": the group's letter and the day's sequence, at least three digits, as shown on the ticket and the board. */
export function formatTicketNumber(letter: string, seq: number): string {
  return `${letter}${String(seq).padStart(3, '0')}`;
}

/** The SMS goes when this many people remain ahead (issue 3: "when 3 tickets remain ahead"). */
export const NEAR_TURN_AHEAD = 3;

/** Whole seconds between two instants, never negative (clock skew between calls). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}
