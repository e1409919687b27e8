import type { Readiness } from './readiness';

/** What a member did, from the fixed list the team reports on. Pure. */
export const supportKinds = [
  'account_created', 'vneid_installed', 'vneid_level2', 'dossier_submitted_online', 'fee_paid_online',
  'cashless_app_installed', 'scam_awareness', 'ecommerce_onboarding', 'other',
] as const;
export type SupportKind = (typeof supportKinds)[number];

export const supportPlaces = ['door_to_door', 'it_point', 'one_stop_office', 'phone'] as const;
export type SupportPlace = (typeof supportPlaces)[number];

export const supportOutcomes = ['done', 'partial', 'not_done'] as const;
export type SupportOutcome = (typeof supportOutcomes)[number];

export const supportLabels: Record<SupportKind | SupportPlace | SupportOutcome, { vi: string; en: string }> = {
  account_created: { vi: 'Tạo tài khoản dịch vụ công', en: 'Account created' },
  vneid_installed: { vi: 'Cài đặt VNeID', en: 'VNeID installed' },
  vneid_level2: { vi: 'Kích hoạt VNeID mức 2', en: 'VNeID activated level 2' },
  dossier_submitted_online: { vi: 'Nộp hồ sơ trực tuyến', en: 'Dossier submitted online' },
  fee_paid_online: { vi: 'Thanh toán phí trực tuyến', en: 'Fee paid online' },
  cashless_app_installed: { vi: 'Cài ứng dụng thanh toán không dùng tiền mặt', en: 'Cashless app installed' },
  scam_awareness: { vi: 'Tuyên truyền phòng chống lừa đảo', en: 'Scam awareness' },
  ecommerce_onboarding: { vi: 'Hỗ trợ đưa sản phẩm lên sàn thương mại điện tử', en: 'E-commerce onboarding' },
  other: { vi: 'Hỗ trợ khác', en: 'Other' },
  door_to_door: { vi: 'Đến tận nhà', en: 'Door to door' },
  it_point: { vi: 'Tại điểm hỗ trợ', en: 'At the IT point' },
  one_stop_office: { vi: 'Tại bộ phận Một cửa', en: 'At the one-stop office' },
  phone: { vi: 'Qua điện thoại', en: 'By phone' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  partial: { vi: 'Làm được một phần', en: 'Partly done' },
  not_done: { vi: 'Chưa làm được', en: 'Not done' },
};

/**
 * What a finished act says about the person's readiness. Only a completed act changes the
 * record: a half-finished VNeID activation is not an activated account.
 */
export function readinessEffectsOf(kinds: readonly SupportKind[], outcome: SupportOutcome): Partial<Readiness> {
  if (outcome !== 'done') return {};
  const effects: Partial<Readiness> = {};
  if (kinds.includes('account_created')) effects.portalAccount = true;
  if (kinds.includes('vneid_installed')) effects.vneid = 'installed';
  if (kinds.includes('vneid_level2')) effects.vneid = 'level2';
  if (kinds.includes('fee_paid_online') || kinds.includes('cashless_app_installed')) effects.bankOrMobileMoney = true;
  return effects;
}

/** Campaign targets, each counted from the support log (and assisted dossiers). */
export const campaignMetrics = ['accounts_created', 'vneid_level2', 'online_dossiers', 'households_visited'] as const;
export type CampaignMetric = (typeof campaignMetrics)[number];

export const metricLabels: Record<CampaignMetric, { vi: string; en: string }> = {
  accounts_created: { vi: 'Tài khoản được tạo', en: 'Accounts created' },
  vneid_level2: { vi: 'Kích hoạt VNeID mức 2', en: 'VNeID level-2 activations' },
  online_dossiers: { vi: 'Hồ sơ trực tuyến', en: 'Online dossiers' },
  households_visited: { vi: 'Hộ được đến tận nhà', en: 'Households visited' },
};
