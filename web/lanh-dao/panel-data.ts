import type { Bilingual } from '../lib/i18n';

/**
 * The "source panels" of a dashboard (readiness, teams, satisfaction, counter, payments) send their chart data as a
 * free-form record (`data` in src/modules/indicators/indicators.contracts.ts), shaped by each source. This turns any
 * such record into sections the page knows how to draw, without knowing the source:
 * - a list of rows (objects) → a table, with a chart chosen from the shape:
 *   `funnel` when the key names a funnel or steps, `series` when rows are dated (day, week, month…), `bars` when rows
 *   have a label and a number (per criterion, per member, per village…);
 * - an object of numbers ({ account_created: 12, … }) → rows of (label, value) → bars;
 * - numbers, words and { vi, en } texts at the top level → a list of facts.
 * Headers come from `data.labels` ({ key: { vi, en } }) when the source sends it, then from the known words below,
 * then from the key itself. Pure.
 */
export type Cell = string | number | boolean | null | Bilingual;
export type ChartKind = 'funnel' | 'series' | 'bars';

export interface Column { key: string; label: Bilingual; numeric: boolean }
export interface TableSection {
  kind: 'table';
  key: string;
  title: Bilingual;
  columns: Column[];
  rows: Record<string, Cell>[];
  chart: ChartKind | null;
  labelKey: string | null;
  valueKey: string | null;
  /** The value column is a share in percent (0–100). */
  percent: boolean;
}
export interface FactsSection { kind: 'facts'; key: string; facts: { key: string; label: Bilingual; value: Cell }[] }
export type Section = TableSection | FactsSection;

const known: Record<string, Bilingual> = {
  label: { vi: 'Mục', en: 'Item' }, name: { vi: 'Tên', en: 'Name' }, title: { vi: 'Tên', en: 'Title' },
  step: { vi: 'Bước', en: 'Step' }, steps: { vi: 'Các bước', en: 'Steps' }, funnel: { vi: 'Các bước sẵn sàng số', en: 'Readiness steps' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' }, criteria: { vi: 'Theo tiêu chí', en: 'By criterion' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' }, villageName: { vi: 'Thôn, tổ dân phố', en: 'Village' }, villages: { vi: 'Theo thôn', en: 'By village' },
  member: { vi: 'Thành viên', en: 'Member' }, memberName: { vi: 'Thành viên', en: 'Member' }, members: { vi: 'Theo thành viên', en: 'By member' },
  kind: { vi: 'Loại', en: 'Kind' }, type: { vi: 'Loại', en: 'Type' }, byKind: { vi: 'Theo loại hỗ trợ', en: 'By kind of help' },
  byType: { vi: 'Theo loại', en: 'By type' }, byDay: { vi: 'Theo ngày', en: 'By day' }, byMonth: { vi: 'Theo tháng', en: 'By month' },
  byVillage: { vi: 'Theo thôn', en: 'By village' }, byMember: { vi: 'Theo thành viên', en: 'By member' },
  day: { vi: 'Ngày', en: 'Day' }, date: { vi: 'Ngày', en: 'Date' }, week: { vi: 'Tuần', en: 'Week' }, month: { vi: 'Tháng', en: 'Month' },
  perDay: { vi: 'Theo ngày', en: 'Per day' }, daily: { vi: 'Theo ngày', en: 'Daily' }, activity: { vi: 'Hoạt động', en: 'Activity' },
  count: { vi: 'Số lượng', en: 'Count' }, value: { vi: 'Giá trị', en: 'Value' }, total: { vi: 'Tổng', en: 'Total' },
  share: { vi: 'Tỷ lệ (%)', en: 'Share (%)' }, rate: { vi: 'Tỷ lệ (%)', en: 'Rate (%)' }, percent: { vi: 'Tỷ lệ (%)', en: 'Percent' },
  target: { vi: 'Chỉ tiêu', en: 'Target' }, done: { vi: 'Đã đạt', en: 'Done' }, progress: { vi: 'Tiến độ', en: 'Progress' },
  people: { vi: 'Số người', en: 'People' }, persons: { vi: 'Số người', en: 'People' }, adults: { vi: 'Người trưởng thành', en: 'Adults' },
  households: { vi: 'Số hộ', en: 'Households' }, acts: { vi: 'Lượt hỗ trợ', en: 'Support acts' }, supportActs: { vi: 'Lượt hỗ trợ', en: 'Support acts' },
  ratings: { vi: 'Lượt đánh giá', en: 'Ratings' }, satisfied: { vi: 'Hài lòng', en: 'Satisfied' }, comments: { vi: 'Góp ý', en: 'Comments' },
  average: { vi: 'Điểm trung bình', en: 'Average' }, avg: { vi: 'Trung bình', en: 'Average' }, score: { vi: 'Điểm', en: 'Score' },
  tickets: { vi: 'Số thứ tự', en: 'Tickets' }, served: { vi: 'Đã phục vụ', en: 'Served' },
  waitMinutes: { vi: 'Chờ (phút)', en: 'Wait (min)' }, serviceMinutes: { vi: 'Phục vụ (phút)', en: 'Service (min)' },
  avgWaitMinutes: { vi: 'Chờ TB (phút)', en: 'Avg wait (min)' }, avgServiceMinutes: { vi: 'Phục vụ TB (phút)', en: 'Avg service (min)' },
  group: { vi: 'Nhóm', en: 'Group' }, campaign: { vi: 'Chiến dịch', en: 'Campaign' }, campaigns: { vi: 'Chiến dịch', en: 'Campaigns' },
  metric: { vi: 'Chỉ tiêu', en: 'Metric' }, paid: { vi: 'Đã thanh toán', en: 'Paid' }, amountVnd: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' }, procedureName: { vi: 'Thủ tục', en: 'Procedure' }, worstProcedures: { vi: 'Thủ tục bị đánh giá thấp nhất', en: 'Worst-rated procedures' },
};

const LABEL_KEYS = ['label', 'name', 'title', 'step', 'criterion', 'villageName', 'village', 'memberName', 'member', 'kind', 'type', 'procedureName', 'group', 'metric', 'campaign'];
const DATE_KEYS = ['day', 'date', 'week', 'month'];
const VALUE_KEYS = ['value', 'count', 'share', 'rate', 'percent', 'total', 'people', 'households', 'acts', 'ratings', 'done'];
const DATED = /^\d{4}-\d{2}(-\d{2}|-W\d{2})?/;
const PERCENT_KEY = /(share|rate|percent|pct)$/i;
const HIDDEN_KEYS = /^(id|code)$|Id$/;

export function isBilingual(v: unknown): v is Bilingual {
  return typeof v === 'object' && v !== null && typeof (v as Bilingual).vi === 'string' && typeof (v as Bilingual).en === 'string';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "avgWaitMinutes" → "avg wait minutes", as a last resort when no label is known. */
export function humanize(key: string): Bilingual {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().trim();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return { vi: text, en: text };
}

export function labelOf(key: string, labels: Record<string, Bilingual>): Bilingual {
  return labels[key] ?? known[key] ?? humanize(key);
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isBilingual(v)) return v;
  return JSON.stringify(v);
}

function tableOf(key: string, raw: Record<string, unknown>[], labels: Record<string, Bilingual>): TableSection {
  const all = [...new Set(raw.flatMap((r) => Object.keys(r)))];
  // Ids mean nothing to a reader: hidden when the rows have a readable label.
  const hasLabel = all.some((k) => LABEL_KEYS.includes(k) || DATE_KEYS.includes(k));
  const keys = all.filter((k) => k !== 'labels' && !(hasLabel && HIDDEN_KEYS.test(k)));
  const rows = raw.map((r) => Object.fromEntries(keys.map((k) => [k, toCell(r[k])])));
  const numeric = (k: string) => rows.some((r) => typeof r[k] === 'number') && rows.every((r) => r[k] === null || typeof r[k] === 'number');
  const columns = keys.map((k) => ({ key: k, label: labelOf(k, labels), numeric: numeric(k) }));
  const dateKey = DATE_KEYS.find((k) => keys.includes(k) && rows.every((r) => typeof r[k] === 'string' && DATED.test(r[k] as string)));
  const labelKey = dateKey ?? LABEL_KEYS.find((k) => keys.includes(k)) ?? columns.find((c) => !c.numeric)?.key ?? null;
  const valueKey = VALUE_KEYS.find((k) => columns.some((c) => c.key === k && c.numeric)) ?? columns.find((c) => c.numeric)?.key ?? null;
  let chart: ChartKind | null = null;
  if (labelKey && valueKey) chart = /funnel|steps/i.test(key) ? 'funnel' : dateKey ? 'series' : rows.length <= 40 ? 'bars' : null;
  const sorted = dateKey ? [...rows].sort((a, b) => String(a[dateKey]).localeCompare(String(b[dateKey]))) : rows;
  return { kind: 'table', key, title: labelOf(key, labels), columns, rows: sorted, chart, labelKey, valueKey, percent: !!valueKey && PERCENT_KEY.test(valueKey) };
}

/** { account_created: 12, portal_help: 5 } → rows of label and value (labels from `labels` or the known words). */
function tableOfNumbers(key: string, obj: Record<string, number>, labels: Record<string, Bilingual>): TableSection {
  const rows = Object.entries(obj).map(([k, v]) => ({ label: labelOf(k, labels), value: v }));
  return tableOf(key, rows, labels);
}

/** Objects keyed by id whose values are rows ({ "<villageId>": { name, count } }) → rows with the key kept. */
function tableOfRecords(key: string, obj: Record<string, Record<string, unknown>>, labels: Record<string, Bilingual>): TableSection {
  return tableOf(key, Object.entries(obj).map(([k, v]) => ({ label: k, ...v })), labels);
}

export function analysePanelData(data: Record<string, unknown> | null | undefined): Section[] {
  if (!data) return [];
  const labels: Record<string, Bilingual> = isRecord(data.labels)
    ? Object.fromEntries(Object.entries(data.labels).filter(([, v]) => isBilingual(v))) as Record<string, Bilingual>
    : {};
  const facts: FactsSection['facts'] = [];
  const tables: TableSection[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'labels' || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length && value.every(isRecord)) tables.push(tableOf(key, value as Record<string, unknown>[], labels));
      else if (value.length) facts.push({ key, label: labelOf(key, labels), value: value.map((v) => (isBilingual(v) ? v.vi : String(v))).join(', ') });
    } else if (isRecord(value) && !isBilingual(value)) {
      const entries = Object.values(value);
      if (entries.length && entries.every((v) => typeof v === 'number')) tables.push(tableOfNumbers(key, value as Record<string, number>, labels));
      else if (entries.length && entries.every(isRecord)) tables.push(tableOfRecords(key, value as Record<string, Record<string, unknown>>, labels));
      else for (const [k, v] of Object.entries(value)) facts.push({ key: `${key}.${k}`, label: labelOf(k, labels), value: toCell(v) });
    } else {
      facts.push({ key, label: labelOf(key, labels), value: toCell(value) });
    }
  }
  return [...(facts.length ? [{ kind: 'facts' as const, key: 'facts', facts }] : []), ...tables];
}
