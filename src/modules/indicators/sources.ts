import type { Bilingual } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { noDataYet, type IndicatorValue } from './indicator-values';
import type { MonthRange } from './measures';

/**
 * Extension points: figures that come from other modules (payments, the counter queue and ratings,
 * teams and households). Each is an IndicatorSource in `indicatorSources` below. Until its module
 * records data, its entry answers "no data yet" — a figure is never invented.
 *
 * To plug a module in: write `read()` with that module's public functions (import from its
 * index.ts), return its figures as IndicatorValue (with formula and source) and its chart data
 * in `data`, and replace the pending entry here. Measures that live on each dossier (such as the
 * paid-online flag) may instead become a counter of indicator_cube: add the column and one line
 * to indicator_facts_v / indicator_apply_part (docs/decisions/0010-indicator-aggregates.md).
 */
export type SourceId = 'payments' | 'satisfaction' | 'counter' | 'teams' | 'readiness';

export type SourceScope = { kind: 'commune'; communeCode: string } | { kind: 'province'; provinceCode: string; communeCodes: string[] };

export interface SourcePanel {
  id: SourceId;
  label: Bilingual;
  status: 'ok' | 'no_data_yet';
  /** Why there is nothing to show, in plain words. */
  reason: Bilingual | null;
  indicators: IndicatorValue[];
  /** Chart data of the panel (funnel steps, activity per day…), shaped by the source. */
  data: Record<string, unknown> | null;
  freshAt: string | null;
}

export interface IndicatorSource {
  id: SourceId;
  label: Bilingual;
  read(deps: AppDeps, scope: SourceScope, range: MonthRange): Promise<SourcePanel>;
}

function pending(id: SourceId, label: Bilingual, reason: Bilingual, indicators: Parameters<typeof noDataYet>[0][] = []): IndicatorSource {
  return {
    id,
    label,
    async read() {
      return { id, label, status: 'no_data_yet', reason, indicators: indicators.map((i) => noDataYet(i, reason)), data: null, freshAt: null };
    },
  };
}

export const indicatorSources: IndicatorSource[] = [
  pending('payments', { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
    { vi: 'Chưa có dữ liệu: xaso chưa ghi nhận thanh toán trực tuyến của hồ sơ', en: 'No data yet: xaso does not record online payments of dossiers yet' },
    ['paid_online_share']),
  pending('satisfaction', { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    { vi: 'Chưa có dữ liệu: chưa có phiếu đánh giá nào được ghi nhận', en: 'No data yet: no rating has been recorded' },
    ['satisfaction_rate']),
  pending('counter', { vi: 'Quầy tiếp nhận: thời gian chờ và phục vụ', en: 'Counter: waiting and service times' },
    { vi: 'Chưa có dữ liệu: chưa có số thứ tự nào được ghi nhận', en: 'No data yet: no queue ticket has been recorded' }),
  pending('teams', { vi: 'Hoạt động của Tổ công nghệ số cộng đồng', en: 'Community digital team activity' },
    { vi: 'Chưa có dữ liệu: chưa có lượt hỗ trợ nào được ghi nhận', en: 'No data yet: no support act has been recorded' }),
  pending('readiness', { vi: 'Mức độ sẵn sàng số của hộ gia đình', en: 'Household digital readiness' },
    { vi: 'Chưa có dữ liệu: chưa có sổ hộ gia đình', en: 'No data yet: no household registry yet' }),
];

export async function readSourcePanels(deps: AppDeps, scope: SourceScope, range: MonthRange): Promise<SourcePanel[]> {
  return Promise.all(indicatorSources.map((s) => s.read(deps, scope, range)));
}
