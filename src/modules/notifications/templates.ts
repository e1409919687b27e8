/**
 * Message texts, Vietnamese first, kept short because people read them on basic
 * phones. An SMS channel may fold diacritics to fit one 160-character segment.
 */
export type TemplateParams = Record<string, string | number | undefined>;
type Render = (p: TemplateParams) => string;

export const templates: Record<string, { vi: Render; en: Render }> = {
  otp: {
    vi: (p) => `Mã xác thực xaso của bạn: ${p.code}. Hết hạn sau ${p.minutes} phút. Không chia sẻ mã này cho ai.`,
    en: (p) => `Your xaso sign-in code: ${p.code}. Expires in ${p.minutes} minutes. Never share it.`,
  },
  'dossier.submitted': {
    vi: (p) => `Hồ sơ ${p.code} (${p.procedure}) đã được nộp. Tra cứu: ${p.link}`,
    en: (p) => `Dossier ${p.code} (${p.procedure}) was submitted. Track: ${p.link}`,
  },
  'dossier.received': {
    vi: (p) => `Hồ sơ ${p.code} đã được tiếp nhận. Hẹn trả kết quả: ${p.dueAt}.`,
    en: (p) => `Dossier ${p.code} was received. Result due: ${p.dueAt}.`,
  },
  'dossier.supplement_requested': {
    vi: (p) => `Hồ sơ ${p.code} cần bổ sung: ${p.note}. Chi tiết: ${p.link}`,
    en: (p) => `Dossier ${p.code} needs more papers: ${p.note}. Details: ${p.link}`,
  },
  'dossier.supplemented': {
    vi: (p) => `Hồ sơ ${p.code} đã được bổ sung. Hẹn trả kết quả: ${p.dueAt}.`,
    en: (p) => `Dossier ${p.code} was supplemented. Result due: ${p.dueAt}.`,
  },
  'dossier.in_progress': {
    vi: (p) => `Hồ sơ ${p.code} đang được giải quyết.`,
    en: (p) => `Dossier ${p.code} is being processed.`,
  },
  'dossier.result_ready': {
    vi: (p) => `Hồ sơ ${p.code} đã có kết quả. Mời ông/bà đến nhận hoặc xem: ${p.link}`,
    en: (p) => `Dossier ${p.code} has a result. Collect it or see: ${p.link}`,
  },
  'dossier.returned': {
    vi: (p) => `Hồ sơ ${p.code} đã trả kết quả. Xin ông/bà đánh giá mức độ hài lòng: ${p.link}`,
    en: (p) => `Dossier ${p.code}: result returned. Please rate our service: ${p.link}`,
  },
  'dossier.rejected': {
    vi: (p) => `Hồ sơ ${p.code} bị từ chối. Lý do: ${p.note}`,
    en: (p) => `Dossier ${p.code} was refused. Reason: ${p.note}`,
  },
  'dossier.withdrawn': {
    vi: (p) => `Hồ sơ ${p.code} đã dừng giải quyết theo yêu cầu rút hồ sơ.`,
    en: (p) => `Dossier ${p.code} was stopped at your request.`,
  },
  'dossier.reappointed': {
    vi: (p) => `Xin lỗi ông/bà: hồ sơ ${p.code} chậm trả. Hẹn lại: ${p.dueAt}. Lý do: ${p.note}`,
    en: (p) => `We apologise: dossier ${p.code} is late. New date: ${p.dueAt}. Reason: ${p.note}`,
  },
};

export function renderTemplate(key: string, params: TemplateParams): { vi: string; en: string } | undefined {
  const t = templates[key];
  return t ? { vi: t.vi(params), en: t.en(params) } : undefined;
}
