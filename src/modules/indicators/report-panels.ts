import type { ReadinessCommuneData, SatisfactionCommuneData, CounterCommuneData, TeamsCommuneData, PaymentsCommuneData } from './panels.contracts';
import type { Lang } from './report-labels';
import type { SourcePanel } from './source-types';
import { formatVnNumber, formatVnPercent } from './vn-format';

/**
 * The source panels of a commune as printable tables for the monthly report (Excel and PDF): one table per panel
 * with data, every number written the Vietnamese way (1.234,5). Pure. Panels without data print nothing here:
 * their figures already say "no data yet" in the key-indicator table.
 */
export interface ReportTable {
  title: string;
  head: string[];
  rows: string[][];
  /** Relative column widths (the first column holds names). */
  widths: number[];
}

const n = (v: number) => formatVnNumber(v, 0);
const p = (v: number | null) => formatVnPercent(v);
const m = (v: number | null) => (v === null ? '–' : formatVnNumber(v, 1));
const none = (lang: Lang) => (lang === 'vi' ? '(không ghi thôn)' : '(no village)');
const bi = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

function readiness(d: ReadinessCommuneData, lang: Lang): ReportTable {
  const step = (f: ReadinessCommuneData['funnel'], s: string) => n(f.find((x) => x.step === s)?.count ?? 0);
  const row = (name: string, r: Omit<ReadinessCommuneData['villages'][number], 'villageId' | 'name'>) => [
    name, n(r.households), p(r.fibreShare), n(r.adults), p(r.smartphoneShare), step(r.funnel, 'vneid_level2'), step(r.funnel, 'portal_account'),
    step(r.funnel, 'online_once'), step(r.funnel, 'on_their_own'),
  ];
  return {
    title: bi(lang, 'Mức độ sẵn sàng số theo thôn (người từ 18 tuổi, theo phễu)', 'Digital readiness per village (adults, funnel)'),
    head: lang === 'vi'
      ? ['Thôn', 'Số hộ', 'Hộ có cáp quang', 'Người ≥ 18', 'Có ĐTTM', 'VNeID mức 2', 'Có tài khoản', 'Đã làm trực tuyến', 'Tự làm được']
      : ['Village', 'Households', 'With fibre', 'Adults', 'Smartphone', 'VNeID level 2', 'Account', 'Done online', 'On their own'],
    rows: [...d.villages.map((v) => row(v.name ?? none(lang), v)), row(bi(lang, 'Toàn xã', 'Whole commune'), d)],
    widths: [3, 1, 1, 1, 1, 1, 1, 1, 1],
  };
}

function satisfaction(d: SatisfactionCommuneData, lang: Lang): ReportTable[] {
  const criteria: ReportTable = {
    title: bi(lang, 'Mức độ hài lòng theo tiêu chí (NĐ 61/2018 Điều 31)', 'Satisfaction per criterion (ND 61/2018 Art. 31)'),
    head: lang === 'vi' ? ['Tiêu chí', 'Điều', 'Số trả lời', 'Hài lòng', 'Tỷ lệ'] : ['Criterion', 'Article', 'Answers', 'Satisfied', 'Rate'],
    rows: d.criteria.map((c) => [c.label[lang], lang === 'vi' ? c.article.replace('Art.', 'Điều') : c.article, n(c.answered), n(c.satisfied), p(c.rate)]),
    widths: [5, 1, 1, 1, 1],
  };
  const worst: ReportTable = {
    title: bi(lang, `Thủ tục bị đánh giá thấp nhất (từ ${d.scale.worstMinRatings} phiếu)`, `Worst-rated procedures (from ${d.scale.worstMinRatings} ratings)`),
    head: lang === 'vi' ? ['Thủ tục', 'Số phiếu', 'Tỷ lệ hài lòng', 'Không hài lòng', 'Điểm TB'] : ['Procedure', 'Ratings', 'Satisfied', 'Dislikes', 'Average'],
    rows: d.worstProcedures.map((x) => [x.name, n(x.ratings), p(x.satisfactionRate), n(x.dislikes), m(x.averageOverall)]),
    widths: [5, 1, 1, 1, 1],
  };
  return worst.rows.length ? [criteria, worst] : [criteria];
}

function counter(d: CounterCommuneData, lang: Lang): ReportTable {
  return {
    title: bi(lang, 'Quầy tiếp nhận: thời gian chờ và phục vụ theo nhóm (phút)', 'Counter: waiting and service times per group (minutes)'),
    head: lang === 'vi' ? ['Nhóm dịch vụ', 'Lượt lấy số', 'Được phục vụ', 'Chờ trung bình', 'Chờ lâu nhất', 'Phục vụ trung bình'] : ['Service group', 'Tickets', 'Served', 'Average wait', 'Longest wait', 'Average service'],
    rows: d.groups.map((g) => [g.name[lang], n(g.tickets), n(g.served), m(g.avgWaitMinutes), m(g.maxWaitMinutes), m(g.avgServiceMinutes)]),
    widths: [3, 1, 1, 1, 1, 1],
  };
}

function teams(d: TeamsCommuneData, lang: Lang): ReportTable[] {
  const kinds: ReportTable = {
    title: bi(lang, 'Hoạt động của Tổ công nghệ số theo nội dung hỗ trợ', 'Digital team activity per kind of help'),
    head: lang === 'vi' ? ['Nội dung', 'Lượt', 'Hoàn thành'] : ['Kind of help', 'Acts', 'Done'],
    rows: d.kinds.map((k) => [k.label[lang], n(k.acts), n(k.done)]),
    widths: [4, 1, 1],
  };
  const villages: ReportTable = {
    title: bi(lang, 'Hoạt động của Tổ công nghệ số theo thôn', 'Digital team activity per village'),
    head: lang === 'vi' ? ['Thôn', 'Lượt hỗ trợ', 'Người được hỗ trợ', 'Hộ được đến tận nhà'] : ['Village', 'Acts', 'People helped', 'Households visited'],
    rows: d.villages.map((v) => [v.name ?? none(lang), n(v.acts), n(v.peopleHelped), n(v.householdsVisited)]),
    widths: [3, 1, 1, 1],
  };
  return [kinds, villages];
}

function payments(d: PaymentsCommuneData, lang: Lang): ReportTable {
  return {
    title: bi(lang, 'Thanh toán phí, lệ phí theo thủ tục (QĐ 766 chỉ số 3.6)', 'Fee payment per procedure (QĐ 766 indicator 3.6)'),
    head: lang === 'vi' ? ['Thủ tục', 'Phải nộp', 'Trực tuyến', 'Tại quầy', 'Chưa nộp', 'Tỷ lệ trực tuyến'] : ['Procedure', 'Fee-bearing', 'Online', 'At the counter', 'Unpaid', 'Online share'],
    rows: d.procedures.map((x) => [x.name, n(x.feeBearing), n(x.paidOnline), n(x.paidAtCounter), n(x.unpaid), p(x.paidOnlineShare)]),
    widths: [4, 1, 1, 1, 1, 1],
  };
}

export function panelTables(panels: SourcePanel[], lang: Lang): ReportTable[] {
  const out: ReportTable[] = [];
  for (const panel of panels) {
    if (panel.status !== 'ok' || !panel.data) continue;
    // The report is built for one commune: each panel's data has the commune shape (sources/*.ts).
    if (panel.id === 'readiness') out.push(readiness(panel.data as ReadinessCommuneData, lang));
    if (panel.id === 'satisfaction') out.push(...satisfaction(panel.data as SatisfactionCommuneData, lang));
    if (panel.id === 'counter') out.push(counter(panel.data as CounterCommuneData, lang));
    if (panel.id === 'teams') out.push(...teams(panel.data as TeamsCommuneData, lang));
    if (panel.id === 'payments') out.push(payments(panel.data as PaymentsCommuneData, lang));
  }
  return out.filter((x) => x.rows.length > 0);
}
