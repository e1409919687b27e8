import type { VNode } from 'preact';
import type * as c from '../../../../src/modules/indicators/indicators.contracts';
import { tl } from '../../i18n';
import { fmt, ListView, type Col } from '../list-view';
import { areaName } from './readiness';

type Data = c.PaymentsCommuneData | c.PaymentsProvinceData;
type Figures = Omit<Data['months'][number], 'month'>;

const payCols = <R extends Figures>(): Col<R>[] => [
  { key: 'fee', label: tl('leader.c.feeBearing'), fmt: 'count', get: (r) => r.feeBearing },
  { key: 'online', label: tl('leader.c.paidOnline'), fmt: 'count', get: (r) => r.paidOnline },
  { key: 'counter', label: tl('leader.c.paidAtCounter'), fmt: 'count', get: (r) => r.paidAtCounter },
  { key: 'unpaid', label: tl('leader.c.unpaid'), fmt: 'count', get: (r) => r.unpaid },
  { key: 'share', label: tl('leader.c.paidOnlineShare'), fmt: 'percent', get: (r) => r.paidOnlineShare },
];

/** Online payment of fees (QĐ 766 indicator 3.6): the share paid online per month, per village or commune, per procedure. */
export function PaymentsPanel(props: { data: Data }): VNode {
  const d = props.data;
  type Month = Data['months'][number];
  const areas = ('communes' in d ? d.communes : d.villages) as (Figures & { name?: string | null; communeName?: string })[];
  return (
    <>
      <dl class="facts">
        <dt>{tl('leader.pay.amountOnline')}</dt><dd>{fmt('vnd', d.amountsVnd.paidOnline)}</dd>
        <dt>{tl('leader.pay.amountCounter')}</dt><dd>{fmt('vnd', d.amountsVnd.paidAtCounter)}</dd>
      </dl>
      <ListView id="pay-months" title={tl('leader.pay.months')} rows={d.months} rowKey={(m) => m.month}
        cols={[{ key: 'month', label: tl('leader.col.month'), fmt: 'month', get: (m: Month) => m.month }, ...payCols<Month>()]}
        chart={{ type: 'line', label: (m) => m.month, labelFmt: 'month', value: (m) => m.paidOnlineShare, valueFmt: 'percent' }} />
      <ListView id="pay-areas" title={'communes' in d ? tl('leader.byCommune') : tl('leader.pay.villages')} rows={areas} rowKey={(_r, i) => String(i)}
        cols={[{ key: 'name', label: 'communes' in d ? tl('leader.col.commune') : tl('leader.col.village'), fmt: 'text', get: areaName }, ...payCols<(typeof areas)[number]>()]}
        chart={{ type: 'bars', label: areaName, value: (r) => r.paidOnlineShare, valueFmt: 'percent' }} />
      {'procedures' in d && (
        <ListView id="pay-procedures" title={tl('leader.pay.procedures')} rows={d.procedures} rowKey={(p) => p.code}
          cols={[{ key: 'name', label: tl('leader.col.procedure'), fmt: 'text', lang: 'vi', get: (p: c.PaymentsCommuneData['procedures'][number]) => p.name }, ...payCols<c.PaymentsCommuneData['procedures'][number]>()]} />
      )}
    </>
  );
}
