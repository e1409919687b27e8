import { formatLocalDateTime, toLocalDate } from '../../shared/calendar';

function localParts(d: Date) {
  const iso = toLocalDate(d);
  const time = formatLocalDateTime(d).slice(11, 16);
  return { year: iso.slice(0, 4), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), hh: time.slice(0, 2), mm: time.slice(3, 5) };
}

/**
 * "ngày 05 tháng 3 năm 2026" in Asia/Ho_Chi_Minh. ND 30/2020/NĐ-CP Phụ lục I: days
 * below 10 and the months 1 and 2 are written with a leading zero.
 */
export function formatVietnameseDate(d: Date): string {
  const p = localParts(d);
  const day = String(p.day).padStart(2, '0');
  const month = p.month <= 2 ? String(p.month).padStart(2, '0') : String(p.month);
  return `ngày ${day} tháng ${month} năm ${p.year}`;
}

/** "08 giờ 30 phút, ngày 05/03/2026" as the slips print reception and return times. */
export function formatSlipTime(d: Date): string {
  const p = localParts(d);
  return `${p.hh} giờ ${p.mm} phút, ngày ${formatLocalDateTime(d).slice(0, 10)}`;
}

/** "05/03/2026" in Asia/Ho_Chi_Minh. */
export function formatShortDate(d: Date): string {
  return formatLocalDateTime(d).slice(0, 10);
}
