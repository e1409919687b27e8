import type { Bilingual } from '../../platform/errors';
import { percent, type Totals } from './measures';

/**
 * Decision 766/QĐ-TTg (23/6/2022) service-quality index, domain notes §3: five groups, 100 points.
 * Each component is computed from what xaso holds, or shown as "not measured here" (data only the
 * national portal has) or "no data yet" (an xaso module that is not in use yet). Nothing is guessed.
 * Point formulas marked SECONDARY are the reverse-engineered ones of the domain notes.
 */
export type ComponentStatus = 'computed' | 'not_measured_here' | 'no_data_yet' | 'no_dossiers';

export interface IndexComponent {
  id: string;
  name: Bilingual;
  maxPoints: number | null;
  status: ComponentStatus;
  /** The rate the points come from, in percent. */
  rate: number | null;
  points: number | null;
  formula: Bilingual;
  source: string;
}

export interface IndexGroup {
  id: string;
  name: Bilingual;
  maxPoints: number;
  components: IndexComponent[];
}

export interface Index766 {
  groups: IndexGroup[];
  totalMax: 100;
  /** Points of the components xaso computes, out of `measuredMax`. */
  score: number;
  measuredMax: number;
  notMeasuredMax: number;
  note: Bilingual;
}

export interface Index766Inputs {
  totals: Totals;
  /** Procedures the commune offers, and of them those offered online (full or partial). */
  proceduresOffered: number;
  proceduresOnline: number;
  /** Online-offered procedures that had at least one online dossier in the period. */
  onlineProceduresUsed: number;
  /** From the payments panel: fee-bearing dossiers and those paid online (null: no payment data for the scope). */
  payments: { paidOnline: number; feeBearing: number } | null;
  /** From the satisfaction panel: ratings and "dislikes" (overall 1–2) in the period (null: no rating). */
  ratings: { ratings: number; dislikes: number } | null;
}

const SRC = 'QĐ 766/QĐ-TTg; VPCP "Mô tả công thức tính chỉ số 766" (domain notes §3, SECONDARY)';
const NOT_HERE: Bilingual = { vi: 'Không đo tại đây: chỉ Cổng DVCQG có dữ liệu này', en: 'Not measured here: only the national portal holds this data' };
const round1 = (n: number) => Math.round(n * 10) / 10;

function outside(id: string, name: Bilingual, maxPoints: number | null, status: ComponentStatus = 'not_measured_here', formula: Bilingual = NOT_HERE): IndexComponent {
  return { id, name, maxPoints, status, rate: null, points: null, formula, source: SRC };
}

/** Points proportional to a rate, full at `fullAt` percent (766: score = rate × max ÷ threshold). */
function scored(id: string, name: Bilingual, maxPoints: number, num: number, den: number, fullAt: number, formula: Bilingual): IndexComponent {
  const rate = percent(num, den);
  if (rate === null) return { id, name, maxPoints, status: 'no_dossiers', rate, points: null, formula, source: SRC };
  return { id, name, maxPoints, status: 'computed', rate, points: round1(Math.min(maxPoints, (maxPoints * rate) / fullAt)), formula, source: SRC };
}

export function computeIndex766(x: Index766Inputs): Index766 {
  const t = x.totals;
  const groups: IndexGroup[] = [
    { id: 'publicity', name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, maxPoints: 18, components: [
      outside('1.1', { vi: 'TTHC được công bố đúng hạn', en: 'Procedures published on time' }, null),
      outside('1.2', { vi: 'TTHC được cập nhật, công khai trên CSDL quốc gia đúng hạn', en: 'Procedures published on the national database on time' }, 4),
      outside('1.3', { vi: 'TTHC đủ các bộ phận bắt buộc', en: 'Procedures with all mandatory parts' }, null),
      outside('1.4', { vi: 'Hồ sơ được đồng bộ lên Cổng DVCQG', en: 'Dossiers synced to the national portal' }, null),
    ] },
    { id: 'progress', name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' }, maxPoints: 20, components: [
      scored('2.1', { vi: 'Hồ sơ giải quyết trước hạn, đúng hạn', en: 'Dossiers resolved early or on time' }, 20, t.early + t.onTime, t.resolved, 100,
        { vi: '20 × (trước hạn + đúng hạn) ÷ hồ sơ đã kết thúc xử lý', en: '20 × (early + on time) ÷ dossiers ended' }),
    ] },
    { id: 'digitisation', name: { vi: 'Số hóa hồ sơ', en: 'Digitisation' }, maxPoints: 22, components: [
      outside('4.1', { vi: 'Hồ sơ có kết quả điện tử', en: 'Dossiers with an electronic result' }, null),
      outside('4.2', { vi: 'Hồ sơ được số hóa', en: 'Dossiers digitised' }, null),
      outside('4.3', { vi: 'Tái sử dụng dữ liệu số hóa', en: 'Reuse of digitised data' }, 2),
      outside('4.4', { vi: 'Hồ sơ số hóa gắn kho dữ liệu cá nhân', en: 'Digitised dossiers linked to the personal data store' }, null),
      outside('4.5', { vi: 'Khai thác dữ liệu dân cư', en: 'Use of population data' }, null),
    ] },
    { id: 'online', name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' }, maxPoints: 22, components: [
      scored('3.1', { vi: 'TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' }, 2, x.proceduresOnline, x.proceduresOffered, 80,
        { vi: 'min(2; 2 × tỷ lệ TTHC trực tuyến ÷ 80%)', en: 'min(2, 2 × share of procedures offered online ÷ 80%)' }),
      scored('3.2', { vi: 'Dịch vụ trực tuyến có phát sinh hồ sơ trực tuyến', en: 'Online services with online dossiers' }, 4, x.onlineProceduresUsed, x.proceduresOnline, 100,
        { vi: '4 × dịch vụ có hồ sơ trực tuyến ÷ dịch vụ trực tuyến', en: '4 × online services with online dossiers ÷ online services' }),
      scored('3.3', { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' }, 6, t.receivedOnline, t.received, 50,
        { vi: 'min(6; 6 × hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận ÷ 50%). Chưa xét điều kiện kết quả điện tử', en: 'min(6, 6 × online received ÷ received ÷ 50%). The electronic-result condition is not checked' }),
      paidOnline(x.payments),
      outside('3.5', { vi: 'TTHC có phí tích hợp thanh toán trên Cổng DVCQG (và các tiêu chí thanh toán khác)', en: 'Fee-bearing procedures integrated for payment on the national portal (and other payment criteria)' }, 4),
    ] },
    { id: 'satisfaction', name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, maxPoints: 18, components: [
      outside('5.2', { vi: 'Phản ánh, kiến nghị được xử lý đúng hạn', en: 'Feedback handled on time' }, 6),
      outside('5.3', { vi: 'Hài lòng với việc xử lý phản ánh, kiến nghị', en: 'Satisfaction with feedback handling' }, 6),
      dossierSatisfaction(t, x.ratings),
    ] },
  ];
  return summarise(groups);
}

const PAID_FORMULA: Bilingual = {
  vi: '6 × hồ sơ thanh toán trực tuyến ÷ hồ sơ có nghĩa vụ tài chính (không tính hồ sơ miễn phí). xaso tính chuyển khoản VietQR, sao kê và cổng thanh toán là trực tuyến',
  en: '6 × dossiers paid online ÷ dossiers with a fee to pay (zero-fee dossiers left out). xaso counts VietQR transfers, statements and the gateway as online',
};

/** 3.6: 6 points in proportion to the share paid online (domain notes §3, payment group). */
function paidOnline(p: Index766Inputs['payments']): IndexComponent {
  const name = { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' };
  if (!p) return outside('3.6', name, 6, 'no_data_yet', { vi: `${PAID_FORMULA.vi}. Chưa có hồ sơ phải nộp phí trong kỳ`, en: `${PAID_FORMULA.en}. No fee-bearing dossier in the period` });
  return scored('3.6', name, 6, p.paidOnline, p.feeBearing, 100, PAID_FORMULA);
}

/**
 * 5.4: rate = 100% − (late rate + rate of dossiers with a "dislike"), full 6 points from 90%, else rate × 6 ÷ 90%.
 * Both rates are over the dossiers ended in the period. xaso holds no PAKN (feedback) records: only dislikes count.
 */
function dossierSatisfaction(t: Totals, r: Index766Inputs['ratings']): IndexComponent {
  const name = { vi: 'Hài lòng với việc giải quyết hồ sơ', en: 'Satisfaction with dossier handling' };
  const formula = {
    vi: '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị đánh giá "không hài lòng") trên hồ sơ đã kết thúc xử lý; đủ 6 điểm từ 90%. xaso không có dữ liệu phản ánh, kiến nghị (PAKN): chỉ tính đánh giá không hài lòng',
    en: '100% − (late rate + rate of dossiers rated "dislike") over dossiers ended; full 6 points from 90%. xaso holds no feedback (PAKN) records: only dislikes count',
  };
  if (!r) return outside('5.4', name, 6, 'no_data_yet', { vi: `${formula.vi}. Chưa có phiếu đánh giá trong kỳ`, en: `${formula.en}. No rating in the period` });
  if (t.resolved === 0) return { id: '5.4', name, maxPoints: 6, status: 'no_dossiers', rate: null, points: null, formula, source: SRC };
  const rate = Math.max(0, round1(100 - (100 * t.late) / t.resolved - (100 * r.dislikes) / t.resolved));
  return { id: '5.4', name, maxPoints: 6, status: 'computed', rate, points: round1(Math.min(6, (6 * rate) / 90)), formula, source: SRC };
}

function summarise(groups: IndexGroup[]): Index766 {
  const all = groups.flatMap((g) => g.components);
  const computed = all.filter((c) => c.status === 'computed');
  const measuredMax = computed.reduce((s, c) => s + (c.maxPoints ?? 0), 0);
  return {
    groups,
    totalMax: 100,
    score: round1(computed.reduce((s, c) => s + (c.points ?? 0), 0)),
    measuredMax,
    notMeasuredMax: 100 - measuredMax,
    note: {
      vi: `xaso tính được ${measuredMax}/100 điểm từ dữ liệu của mình; phần còn lại do Cổng DVCQG chấm hoặc chưa có dữ liệu. Đây không phải điểm chính thức.`,
      en: `xaso computes ${measuredMax} of the 100 points from its own data; the rest is scored by the national portal or has no data yet. This is not the official score.`,
    },
  };
}
