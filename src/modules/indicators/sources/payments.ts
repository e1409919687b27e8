import { sortByVietnamese } from '../../../shared/text';
import { tallyFeePayments, type FeePaymentTally, type TallyDimension } from '../../payments';
import { share } from '../indicator-values';
import { percent, type Totals } from '../measures';
import type { PaymentsCommuneData, PaymentsProvinceData } from '../panels.contracts';
import { defineSource, emptyPanel, groupSum, lastOf, okPanel, villageOf } from '../source-kit';
import type { SourceContext } from '../source-types';

/**
 * Online payment (QĐ 766/QĐ-TTg indicator 3.6): dossiers paid online ÷ dossiers of fee-bearing procedures submitted
 * in the period, zero-fee (exempted) dossiers left out. The fee-bearing count comes from the indicator aggregates
 * (fee > 0 at submission, kept by the triggers); how each was paid comes live from the payments module. A dossier
 * nobody has asked to pay yet, or refused before paying, counts as unpaid, as the national formula counts it.
 */
interface Sum { feeBearing: number; exempt: number; paidOnline: number; paidAtCounter: number; onlineVnd: number; counterVnd: number }
const empty = (): Sum => ({ feeBearing: 0, exempt: 0, paidOnline: 0, paidAtCounter: 0, onlineVnd: 0, counterVnd: 0 });
const add = (a: Sum, r: FeePaymentTally) => {
  a.exempt += r.exempt;
  a.paidOnline += r.paidOnline;
  a.paidAtCounter += r.paidAtCounter;
  a.onlineVnd += r.paidOnlineVnd;
  a.counterVnd += r.paidAtCounterVnd;
};

function figures(s: Sum = empty()) {
  const owing = Math.max(0, s.feeBearing - s.exempt);
  return {
    feeBearing: owing, paidOnline: s.paidOnline, paidAtCounter: s.paidAtCounter,
    unpaid: Math.max(0, owing - s.paidOnline - s.paidAtCounter), paidOnlineShare: percent(s.paidOnline, owing),
  };
}

/** Fee-bearing counts of the aggregates joined with the payment tallies, per key. */
function merge(feeBearing: Map<string, Totals>, tallies: FeePaymentTally[], keyOf: (r: FeePaymentTally) => string, cubeKey: (k: string) => string = (k) => k): Map<string, Sum> {
  const out = groupSum(tallies, keyOf, empty, add);
  for (const [k, t] of feeBearing) {
    if (t.feeBearing === 0) continue;
    const key = cubeKey(k);
    const s = out.get(key) ?? empty();
    s.feeBearing += t.feeBearing;
    out.set(key, s);
  }
  return out;
}

const busiestFirst = <T extends { feeBearing: number }>(rows: T[]) => rows.sort((a, b) => b.feeBearing - a.feeBearing);
const month = (cubeMonth: string) => cubeMonth.slice(0, 7);

export const paymentsSource = defineSource('payments', { vi: 'Thanh toán trực tuyến', en: 'Online payment' }, async (ctx, src) => {
  const commune = ctx.scope.kind === 'commune';
  const [rows, breakdown] = await Promise.all([
    tallyFeePayments(ctx.deps.db, ctx.communeCodes, ctx.from, ctx.until, commune ? ['month', 'village', 'procedure'] : ['month']),
    ctx.breakdown(),
  ]);
  const of = (d: TallyDimension) => rows.filter((r) => r.dimension === d);
  const monthRows = of('month');
  const byMonth = merge(breakdown.byMonth, monthRows, (r) => r.key, month);
  const total = empty();
  for (const s of byMonth.values()) for (const k of Object.keys(total) as (keyof Sum)[]) total[k] += s[k];
  const f = figures(total);
  if (f.feeBearing === 0) {
    return emptyPanel(src, { vi: 'Chưa có dữ liệu: không có hồ sơ phải nộp phí, lệ phí trong kỳ', en: 'No data yet: no fee-bearing dossier in the period' }, ['paid_online_share']);
  }
  const months = ctx.months.map((m) => ({ month: m, ...figures(byMonth.get(m)) }));
  const amountsVnd = { paidOnline: total.onlineVnd, paidAtCounter: total.counterVnd };
  const indicators = [share('paid_online_share', f.paidOnline, f.feeBearing)];
  const freshAt = lastOf([breakdown.total.updatedAt, ...monthRows.map((r) => r.lastChangeAt)]);
  if ('byCommune' in breakdown) {
    const byCommune = merge(breakdown.byCommune, monthRows, (r) => r.communeCode);
    const communes = ctx.communeCodes.map((code) => ({ communeCode: code, communeName: ctx.communeName(code), ...figures(byCommune.get(code)) }));
    return okPanel(src, ctx, indicators, { months, communes, amountsVnd } satisfies PaymentsProvinceData, freshAt);
  }
  return okPanel(src, ctx, indicators, await communeData(ctx, breakdown, months, amountsVnd, of), freshAt);
});

async function communeData(
  ctx: SourceContext, breakdown: { byVillage: Map<string, Totals>; byProcedure: Map<string, Totals> }, months: PaymentsCommuneData['months'],
  amountsVnd: PaymentsCommuneData['amountsVnd'], of: (d: TallyDimension) => FeePaymentTally[],
): Promise<PaymentsCommuneData> {
  const [villageRows, procedureRows] = [of('village'), of('procedure')];
  const [villageNames, procedureNames] = await Promise.all([ctx.villageNames(), ctx.procedureNames()]);
  const villages = sortByVietnamese(
    [...merge(breakdown.byVillage, villageRows, (r) => r.key)].map(([key, s]) => ({ ...villageOf(key, villageNames), ...figures(s) })),
    (r) => r.name ?? '\uffff',
  );
  const procedures = busiestFirst([...merge(breakdown.byProcedure, procedureRows, (r) => r.key)].map(([code, s]) => ({ code, name: procedureNames.get(code) ?? code, ...figures(s) })));
  return { months, villages, procedures, amountsVnd };
}
