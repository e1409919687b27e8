import { DEFAULT_QUEUE_GROUPS, listQueueGroups, sumQueueStats, type QueueStatsTotals } from '../../counter';
import { averageMinutes, count, observed } from '../indicator-values';
import type { CounterCommuneData, CounterProvinceData } from '../panels.contracts';
import { defineSource, emptyPanel, groupSum, okPanel, round1 } from '../source-kit';
import type { SourceContext } from '../source-types';

/**
 * The counter queue (máy bấm số): tickets, waiting time (ticket → first call) and service time (last call →
 * served), from queue_daily_stats, which the counter module keeps in the same transaction as every call.
 */
interface Sum { tickets: number; called: number; served: number; skipped: number; wait: number; maxWait: number; service: number }
const empty = (): Sum => ({ tickets: 0, called: 0, served: 0, skipped: 0, wait: 0, maxWait: 0, service: 0 });
const add = (a: Sum, r: QueueStatsTotals) => {
  a.tickets += r.tickets;
  a.called += r.called;
  a.served += r.served;
  a.skipped += r.skipped;
  a.wait += r.waitSecondsTotal;
  a.maxWait = Math.max(a.maxWait, r.waitSecondsMax);
  a.service += r.serviceSecondsTotal;
};
const minutes = (seconds: number, n: number) => (n > 0 ? round1(seconds / n / 60) : null);

function figures(s: Sum = empty()) {
  return {
    tickets: s.tickets, called: s.called, served: s.served, skipped: s.skipped,
    avgWaitMinutes: minutes(s.wait, s.called), maxWaitMinutes: s.called ? round1(s.maxWait / 60) : null, avgServiceMinutes: minutes(s.service, s.served),
  };
}

export const counterSource = defineSource('counter', { vi: 'Quầy tiếp nhận: thời gian chờ và phục vụ', en: 'Counter: waiting and service times' }, async (ctx, src) => {
  const commune = ctx.scope.kind === 'commune';
  // A commune's chart shows each day; a province sums by month (bounded by the primary key's commune and day).
  const rows = await sumQueueStats(ctx.deps.db, ctx.communeCodes, ctx.fromDay, ctx.toDay, commune ? 'day' : 'month');
  const total = empty();
  rows.forEach((r) => add(total, r));
  if (total.tickets === 0) {
    return emptyPanel(src, { vi: 'Chưa có dữ liệu: chưa có số thứ tự nào được phát trong kỳ', en: 'No data yet: no queue ticket in the period' },
      ['queue_tickets', 'queue_avg_wait', 'queue_max_wait', 'queue_avg_service']);
  }
  const byMonth = groupSum(rows, (r) => r.period.slice(0, 7), empty, add);
  const months = ctx.months.map((month) => ({ month, ...figures(byMonth.get(month)) }));
  const indicators = [
    count('queue_tickets', total.tickets),
    averageMinutes('queue_avg_wait', total.wait, total.called),
    observed('queue_max_wait', total.called ? round1(total.maxWait / 60) : null),
    averageMinutes('queue_avg_service', total.service, total.served),
  ];
  return okPanel(src, ctx, indicators, commune ? await communeData(ctx, rows, months) : provinceData(ctx, rows, months));
});

async function communeData(ctx: SourceContext, rows: QueueStatsTotals[], months: CounterCommuneData['months']): Promise<CounterCommuneData> {
  const configured = ctx.scope.kind === 'commune' ? await listQueueGroups(ctx.deps, ctx.scope.communeCode) : [];
  const known = new Map([...DEFAULT_QUEUE_GROUPS, ...configured].map((g) => [g.key, { vi: g.name, en: g.nameEn }]));
  const byGroup = groupSum(rows, (r) => r.groupKey, empty, add);
  const order = [...configured.map((g) => g.key), ...[...byGroup.keys()].sort()];
  const groups = [...new Set(order)].filter((k) => byGroup.has(k))
    .map((groupKey) => ({ groupKey, name: known.get(groupKey) ?? { vi: groupKey, en: groupKey }, ...figures(byGroup.get(groupKey)) }));
  const byDay = groupSum(rows, (r) => r.period, empty, add);
  const days = [...byDay.keys()].sort().map((day) => ({ day, ...figures(byDay.get(day)) }));
  return { months, groups, days };
}

function provinceData(ctx: SourceContext, rows: QueueStatsTotals[], months: CounterProvinceData['months']): CounterProvinceData {
  const byCommune = groupSum(rows, (r) => r.communeCode, empty, add);
  return { months, communes: ctx.communeCodes.map((code) => ({ communeCode: code, communeName: ctx.communeName(code), ...figures(byCommune.get(code)) })) };
}
