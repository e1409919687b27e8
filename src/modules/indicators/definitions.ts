import type { Bilingual } from '../../platform/errors';
import { def, type IndicatorDefinition } from './definition-kit';
import { sourceDefinitions } from './source-definitions';

/**
 * What each indicator means and where its formula comes from: the "how is this computed?" text
 * sent with every figure. Sources are those of docs/decisions/0010-indicator-aggregates.md and the
 * domain notes (§1.6 overdue and apology, §2 online levels, §3 Decision 766/QĐ-TTg, §4 satisfaction).
 */
export type { IndicatorUnit, IndicatorDefinition } from './definition-kit';

const ONLINE_SOURCE = 'NĐ 42/2022/NĐ-CP Điều 11 (toàn trình / một phần); QĐ 766/QĐ-TTg chỉ số 3.3 (tỷ lệ hồ sơ trực tuyến)';
const TIMELY_SOURCE = 'QĐ 766/QĐ-TTg chỉ số 2.1; TT 01/2018/TT-VPCP Điều 13 (sớm / đúng / quá hạn)';

export const indicatorDefinitions = [
  def('online_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
    { vi: 'Số hồ sơ nộp trực tuyến ÷ tổng số hồ sơ nộp trong kỳ × 100 (theo ngày nộp, giờ Việt Nam)', en: 'Dossiers submitted online ÷ all dossiers submitted in the period × 100 (by submission day, Vietnam time)' },
    ONLINE_SOURCE),
  def('full_online_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình', en: 'Full-online dossiers' },
    { vi: 'Hồ sơ trực tuyến của thủ tục toàn trình ÷ tổng số hồ sơ × 100', en: 'Online dossiers of full-online procedures ÷ all dossiers × 100' },
    ONLINE_SOURCE),
  def('partial_online_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ trực tuyến một phần', en: 'Partial-online dossiers' },
    { vi: 'Hồ sơ trực tuyến của thủ tục một phần ÷ tổng số hồ sơ × 100', en: 'Online dossiers of partial-online procedures ÷ all dossiers × 100' },
    ONLINE_SOURCE),
  def('assisted_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ trực tuyến được Tổ công nghệ số hỗ trợ nộp', en: 'Online dossiers filed with a volunteer’s help' },
    { vi: 'Hồ sơ do thành viên Tổ công nghệ số cộng đồng nộp thay ÷ tổng số hồ sơ × 100', en: 'Dossiers filed by a community digital-team volunteer ÷ all dossiers × 100' },
    'NĐ 224/2026/NĐ-CP Điều 79 (Tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công); định nghĩa của xaso'),
  def('paid_online_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    { vi: 'Hồ sơ đã nộp phí, lệ phí trực tuyến (chuyển khoản VietQR, sao kê ngân hàng, cổng thanh toán; không tính tiền mặt tại quầy) ÷ hồ sơ phải nộp phí, lệ phí nộp trong kỳ × 100. Không tính hồ sơ được miễn, hồ sơ bị từ chối hoặc rút khi chưa nộp tiền', en: 'Dossiers whose fee was paid online (VietQR transfer, bank statement, gateway; not cash at the counter) ÷ fee-bearing dossiers submitted in the period × 100. Exempt dossiers, and those refused or withdrawn before paying, are left out' },
    'QĐ 766/QĐ-TTg chỉ số 3.6 (DuocThanhToanTrucTuyen); NĐ 61/2018/NĐ-CP Điều 22'),
  def('on_time_or_early_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn', en: 'Dossiers resolved on time or early' },
    { vi: '(Trước hạn + đúng hạn) ÷ hồ sơ đã kết thúc xử lý trong kỳ × 100. Kết thúc = mốc đầu tiên trong: có kết quả, trả kết quả, từ chối, rút. Thời gian bổ sung không tính; yêu cầu bổ sung quá 1 lần tính là quá hạn; so với ngày hẹn đang có hiệu lực (kể cả hẹn lại)', en: '(Early + on time) ÷ dossiers whose processing ended in the period × 100. End = first of: result, returned, refused, withdrawn. Supplement time is excluded; more than one supplement request counts as late; compared with the appointment in force (including a reappointment)' },
    TIMELY_SOURCE),
  def('early_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ giải quyết trước hạn', en: 'Dossiers resolved early' },
    { vi: 'Hồ sơ kết thúc trước ngày hẹn ÷ hồ sơ đã kết thúc xử lý × 100', en: 'Dossiers ended before the appointment day ÷ dossiers ended × 100' },
    TIMELY_SOURCE),
  def('on_time_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' },
    { vi: 'Hồ sơ kết thúc đúng ngày hẹn, không muộn hơn giờ hẹn ÷ hồ sơ đã kết thúc xử lý × 100', en: 'Dossiers ended on the appointment day, not after its hour ÷ dossiers ended × 100' },
    TIMELY_SOURCE),
  def('late_share', 'percent',
    { vi: 'Tỷ lệ hồ sơ giải quyết quá hạn', en: 'Dossiers resolved late' },
    { vi: 'Hồ sơ kết thúc sau giờ hẹn, hoặc bị yêu cầu bổ sung quá 1 lần ÷ hồ sơ đã kết thúc xử lý × 100', en: 'Dossiers ended after the appointment, or asked for papers more than once ÷ dossiers ended × 100' },
    TIMELY_SOURCE),
  def('overdue_now', 'count',
    { vi: 'Hồ sơ đang quá hạn', en: 'Dossiers overdue now' },
    { vi: 'Hồ sơ chưa kết thúc xử lý có ngày hẹn đã qua (không tính hồ sơ đang chờ bổ sung: thời hạn tạm dừng)', en: 'Dossiers not yet ended whose appointment has passed (not those awaiting papers: their clock is paused)' },
    'NĐ 61/2018/NĐ-CP Điều 19 (như sửa đổi); src/shared/dossier/derive.ts isOverdue'),
  def('avg_processing_days', 'working_days',
    { vi: 'Thời gian giải quyết trung bình', en: 'Average processing time' },
    { vi: 'Tổng số ngày làm việc từ khi hồ sơ đầy đủ đến khi có kết quả, trừ thời gian chờ bổ sung ÷ số hồ sơ có kết quả trong kỳ', en: 'Sum of working days from the complete dossier to the result, minus time awaiting papers ÷ dossiers with a result in the period' },
    'QĐ 766/QĐ-TTg chỉ số 2.2; ngày làm việc theo BLLĐ 2019 Điều 111–112 và BLDS 2015 Điều 147'),
  def('apology_letters', 'count',
    { vi: 'Phiếu xin lỗi và hẹn lại đã phát hành', en: 'Apology letters issued' },
    { vi: 'Số lần hẹn lại ngày trả kết quả trong kỳ (mỗi lần kèm Phiếu xin lỗi, Mẫu 04)', en: 'Reappointments made in the period (each with an apology letter, form 04)' },
    'NĐ 61/2018/NĐ-CP Điều 19.9; TT 01/2018/TT-VPCP Mẫu 04'),
  ...sourceDefinitions,
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof indicatorDefinitions)[number]['id'];

export function getDefinition(id: IndicatorId): IndicatorDefinition {
  return indicatorDefinitions.find((d) => d.id === id)!;
}

/** Decision 766's target for the online-dossier rate: full score from 50% (domain notes §2–3). */
export const ONLINE_TARGET = {
  percent: 50,
  source: 'QĐ 766/QĐ-TTg chỉ số 3.3: đạt điểm tối đa khi tỷ lệ hồ sơ trực tuyến ≥ 50%',
} as const;
