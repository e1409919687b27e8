import { formatLocalDateTime } from '../../shared/calendar';
import type { CommuneReport, ReportRow } from './report-data';
import { formatVnNumber, formatVnPercent } from './vn-format';

/** Words of the monthly report in both languages; the report itself is Vietnamese by default. */
export type Lang = 'vi' | 'en';

const words = {
  title: { vi: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', en: 'ADMINISTRATIVE PROCEDURES: DOSSIERS AND RESULTS' },
  form: { vi: 'Theo Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP)', en: 'Layout of form 06/VPCP/KSTT (Circular 01/2020/TT-VPCP)' },
  unit: { vi: 'Đơn vị tính: số hồ sơ TTHC', en: 'Unit: dossiers' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  no: { vi: 'STT', en: 'No.' },
  received: { vi: 'Số hồ sơ nhận giải quyết', en: 'Dossiers to handle' },
  resolved: { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' },
  pending: { vi: 'Số hồ sơ đang giải quyết', en: 'Dossiers in progress' },
  total: { vi: 'Tổng số', en: 'Total' },
  inPeriod: { vi: 'Trong kỳ', en: 'In the period' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  direct: { vi: 'Trực tiếp, bưu chính', en: 'In person, post' },
  carried: { vi: 'Từ kỳ trước', en: 'From before' },
  early: { vi: 'Trước hạn', en: 'Early' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  inTime: { vi: 'Trong hạn', en: 'Within time' },
  grandTotal: { vi: 'Tổng cộng', en: 'Total' },
  indicators: { vi: 'Chỉ số chính', en: 'Key indicators' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  value: { vi: 'Giá trị', en: 'Value' },
  computedFrom: { vi: 'Tính từ', en: 'From' },
  formula: { vi: 'Cách tính', en: 'How it is computed' },
  source: { vi: 'Căn cứ', en: 'Source' },
  generated: { vi: 'Lập bằng xaso lúc', en: 'Made with xaso at' },
  freshAt: { vi: 'số liệu cập nhật đến', en: 'figures as of the change at' },
  data: { vi: 'Dữ liệu', en: 'Data' },
  report: { vi: 'Báo cáo', en: 'Report' },
} as const;

export type Word = keyof typeof words;

export function t(lang: Lang, w: Word): string {
  return words[w][lang];
}

/** First line of every export: the period and the commune (issue 6: "on the first row"). */
export function headerLine(r: CommuneReport, lang: Lang): string {
  const place = lang === 'vi' ? `${r.communeName}, ${r.provinceName}` : `${r.communeName}, ${r.provinceName} province`;
  return `${t(lang, 'period')}: ${r.period.first} – ${r.period.last} · ${place}`;
}

export function footerLine(r: CommuneReport, lang: Lang, now: Date): string {
  const fresh = r.lastChangeAt ? `; ${t(lang, 'freshAt')} ${formatLocalDateTime(r.lastChangeAt)}` : '';
  return `${t(lang, 'generated')} ${formatLocalDateTime(now)} (UTC+7)${fresh}`;
}

/**
 * Splits `total` columns between a table's columns in proportion to their relative widths, each at least one.
 * Pure; used to lay the panel tables over the 13 columns of the report sheet.
 */
export function columnSpans(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const spans = widths.map((w) => Math.max(1, Math.floor((w * total) / sum)));
  for (let i = 0; spans.reduce((a, b) => a + b, 0) < total; i = (i + 1) % spans.length) spans[i]! += 1;
  for (let i = spans.length - 1; spans.reduce((a, b) => a + b, 0) > total && i >= 0; i--) if (spans[i]! > 1) spans[i]! -= 1;
  return spans;
}

/** The 11 figure columns of a row, in the order of the form. */
export const ROW_KEYS = [
  'receivedTotal', 'receivedOnline', 'receivedDirect', 'carriedOver', 'resolvedTotal', 'early', 'onTime', 'late',
  'pendingTotal', 'pendingInTime', 'pendingOverdue',
] as const satisfies readonly (keyof ReportRow)[];

export function rowCells(row: ReportRow): string[] {
  return ROW_KEYS.map((k) => formatVnNumber(row[k], 0));
}

/** An indicator's value as printed: Vietnamese number format, with its unit. */
export function printedValue(v: { value: number | null; unit: string; status: string }, lang: Lang): string {
  if (v.status === 'no_data_yet') return lang === 'vi' ? 'Chưa có dữ liệu' : 'No data yet';
  if (v.value === null) return '–';
  if (v.unit === 'percent') return formatVnPercent(v.value);
  if (v.unit === 'working_days') return `${formatVnNumber(v.value, 1)} ${lang === 'vi' ? 'ngày làm việc' : 'working days'}`;
  if (v.unit === 'minutes') return `${formatVnNumber(v.value, 1)} ${lang === 'vi' ? 'phút' : 'min'}`;
  return formatVnNumber(v.value, 0);
}

export function printedBasis(v: { numerator: number | null; denominator: number | null }): string {
  if (v.numerator === null) return '';
  return v.denominator === null ? formatVnNumber(v.numerator, 0) : `${formatVnNumber(v.numerator, 1)} / ${formatVnNumber(v.denominator, 0)}`;
}
