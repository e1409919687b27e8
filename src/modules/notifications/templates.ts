/**
 * The message texts shipped with xaso (version 1 of every template), Vietnamese
 * first, kept short because people read them on basic phones. `{name}` marks a
 * parameter; the SMS channel folds diacritics so a message fits fewer segments.
 * A commune admin may edit them (templates.service.ts); the keys are fixed because
 * the code that sends a message names its template.
 */
export type TemplateParams = Record<string, string | number | undefined>;

export interface TemplateDefinition {
  labelVi: string;
  labelEn: string;
  vi: string;
  en: string;
  /** Every parameter the sender provides; an edited text may use only these. */
  params: readonly string[];
  /** Parameters an edited text must keep, or the message would be useless. */
  required: readonly string[];
  /** Values for the admin's preview. */
  sample: TemplateParams;
  /** OTP: never to the in-app inbox (the person is not signed in yet). */
  phoneOnly?: boolean;
}

const SAMPLE_CODE = '000.00.21115.H51-251122-0001';
const SAMPLE_LINK = `https://xaso.example/tra-cuu/${SAMPLE_CODE}`;
const dossierSample: TemplateParams = { code: SAMPLE_CODE, procedure: 'Đăng ký khai sinh', dueAt: '25/11/2025 17:00', link: SAMPLE_LINK, note: 'Bản sao CCCD' };
const dossierParams = ['code', 'procedure', 'dueAt', 'link', 'note'] as const;

function dossier(labelVi: string, labelEn: string, vi: string, en: string): TemplateDefinition {
  return { labelVi, labelEn, vi, en, params: dossierParams, required: ['code'], sample: dossierSample };
}

export const shippedTemplates: Record<string, TemplateDefinition> = {
  otp: {
    labelVi: 'Mã xác thực đăng nhập', labelEn: 'Sign-in code',
    vi: 'Mã xác thực xaso của bạn: {code}. Hết hạn sau {minutes} phút. Không chia sẻ mã này cho ai.',
    en: 'Your xaso sign-in code: {code}. Expires in {minutes} minutes. Never share it.',
    params: ['code', 'minutes'], required: ['code'], sample: { code: '123456', minutes: 5 }, phoneOnly: true,
  },
  'dossier.submitted': dossier('Hồ sơ đã nộp', 'Dossier submitted',
    'Hồ sơ {code} ({procedure}) đã được nộp. Tra cứu: {link}', 'Dossier {code} ({procedure}) was submitted. Track: {link}'),
  'dossier.received': dossier('Hồ sơ được tiếp nhận', 'Dossier received',
    'Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả: {dueAt}.', 'Dossier {code} was received. Result due: {dueAt}.'),
  'dossier.supplement_requested': dossier('Yêu cầu bổ sung hồ sơ', 'Supplement requested',
    'Hồ sơ {code} cần bổ sung: {note}. Chi tiết: {link}', 'Dossier {code} needs more papers: {note}. Details: {link}'),
  'dossier.supplemented': dossier('Hồ sơ đã bổ sung', 'Dossier supplemented',
    'Hồ sơ {code} đã được bổ sung. Hẹn trả kết quả: {dueAt}.', 'Dossier {code} was supplemented. Result due: {dueAt}.'),
  'dossier.in_progress': dossier('Hồ sơ đang giải quyết', 'Dossier in progress',
    'Hồ sơ {code} đang được giải quyết.', 'Dossier {code} is being processed.'),
  'dossier.result_ready': dossier('Hồ sơ có kết quả', 'Result ready',
    'Hồ sơ {code} đã có kết quả. Mời ông/bà đến nhận hoặc xem: {link}', 'Dossier {code} has a result. Collect it or see: {link}'),
  'dossier.returned': dossier('Đã trả kết quả', 'Result returned',
    'Hồ sơ {code} đã trả kết quả. Xin ông/bà đánh giá mức độ hài lòng: {link}', 'Dossier {code}: result returned. Please rate our service: {link}'),
  'dossier.rejected': dossier('Hồ sơ bị từ chối', 'Dossier refused',
    'Hồ sơ {code} bị từ chối. Lý do: {note}', 'Dossier {code} was refused. Reason: {note}'),
  'dossier.withdrawn': dossier('Hồ sơ đã rút', 'Dossier withdrawn',
    'Hồ sơ {code} đã dừng giải quyết theo yêu cầu rút hồ sơ.', 'Dossier {code} was stopped at your request.'),
  'dossier.reappointed': dossier('Hẹn lại ngày trả kết quả', 'New appointment',
    'Xin lỗi ông/bà: hồ sơ {code} chậm trả. Hẹn lại: {dueAt}. Lý do: {note}', 'We apologise: dossier {code} is late. New date: {dueAt}. Reason: {note}'),
  'queue.turn_near': {
    labelVi: 'Sắp đến lượt', labelEn: 'Your turn is near',
    vi: 'Sắp đến lượt ông/bà: số {ticket}, còn {ahead} người phía trước. Mời đến quầy {counter}, Bộ phận Một cửa.',
    en: 'Your turn is near: number {ticket}, {ahead} people ahead. Please come to counter {counter} of the one-stop office.',
    params: ['ticket', 'ahead', 'counter'], required: ['ticket'], sample: { ticket: 'A015', ahead: 2, counter: 1 },
  },
  'payment.received': {
    labelVi: 'Đã nhận tiền lệ phí', labelEn: 'Fee received',
    vi: 'Đã nhận {amount} lệ phí hồ sơ {code}. Biên lai số {receiptNo}: {link}',
    en: 'Received {amount} fee for dossier {code}. Receipt no. {receiptNo}: {link}',
    params: ['code', 'amount', 'receiptNo', 'link'], required: ['code', 'amount'],
    sample: { code: SAMPLE_CODE, amount: '8.000 đ', receiptNo: '21115-2025-000001', link: SAMPLE_LINK },
  },
  'payment.needs_review': {
    labelVi: 'Khoản nộp cần kiểm tra', labelEn: 'Payment under review',
    vi: 'Đã nhận {amount} cho hồ sơ {code}, chưa khớp lệ phí {due}. Cán bộ sẽ kiểm tra và liên hệ ông/bà.',
    en: 'Received {amount} for dossier {code}, which does not match the fee of {due}. Staff will check and contact you.',
    params: ['code', 'amount', 'due'], required: ['code'],
    sample: { code: SAMPLE_CODE, amount: '5.000 đ', due: '8.000 đ' },
  },
  // Community digital team (src/modules/outreach): consent by one-time code, announcements.
  'consent.otp': {
    labelVi: 'Mã xác nhận đồng ý hỗ trợ', labelEn: 'Consent code',
    vi: '{commune}: Tổ công nghệ số xin ông/bà đồng ý {purpose}. Nếu đồng ý, đọc mã {code} cho người hỗ trợ (hết hạn sau {minutes} phút). Không đồng ý thì bỏ qua tin này.',
    en: '{commune}: the digital team asks your consent to {purpose}. If you agree, read code {code} to the helper (expires in {minutes} minutes). Otherwise ignore this message.',
    params: ['commune', 'purpose', 'code', 'minutes'], required: ['code'],
    sample: { commune: 'Xã Trà Bồng', purpose: 'nộp hồ sơ thay ông/bà', code: '123456', minutes: 10 }, phoneOnly: true,
  },
  announcement: {
    labelVi: 'Thông báo của xã', labelEn: 'Commune announcement',
    vi: '{commune} thông báo: {title}. Chi tiết: {link}', en: '{commune} announces: {title}. Details: {link}',
    params: ['commune', 'title', 'link'], required: ['title'],
    sample: { commune: 'Xã Trà Bồng', title: 'Lịch hỗ trợ kích hoạt VNeID', link: 'https://xaso.example/bang-tin' },
  },
  'announcement.scam_warning': {
    labelVi: 'Cảnh báo lừa đảo', labelEn: 'Scam warning',
    vi: 'CẢNH BÁO LỪA ĐẢO - {commune}: {title}. Không chuyển tiền, không đọc mã OTP cho người lạ. Chi tiết: {link}',
    en: 'SCAM WARNING - {commune}: {title}. Never send money or read an OTP to a stranger. Details: {link}',
    params: ['commune', 'title', 'link'], required: ['title'],
    sample: { commune: 'Xã Trà Bồng', title: 'Giả danh công an gọi điện yêu cầu cập nhật VNeID', link: 'https://xaso.example/bang-tin' },
  },
};

export const templateKeys = Object.keys(shippedTemplates);

/** `{name}` placeholders, in order of appearance. */
export function placeholdersIn(body: string): string[] {
  return [...body.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
}

/** Replaces each `{name}` with its value; an absent value becomes empty text, never "undefined". */
export function renderText(body: string, params: TemplateParams): string {
  return body.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** Kept for callers of the first version of this module. */
export const renderTemplate = (key: string, params: TemplateParams) => renderShipped(key, params);

export function renderShipped(key: string, params: TemplateParams): { vi: string; en: string } | undefined {
  const t = shippedTemplates[key];
  return t ? { vi: renderText(t.vi, params), en: renderText(t.en, params) } : undefined;
}
