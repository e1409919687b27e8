import type { VNode } from 'preact';
import type * as c from '../../../../src/modules/indicators/indicators.contracts';
import { pick } from '../../../lib/i18n';
import { tl } from '../../i18n';
import { ListView, type Col } from '../list-view';
import { areaName } from './readiness';

type Data = c.CounterCommuneData | c.CounterProvinceData;
type Figures = Omit<Data['months'][number], 'month'>;

const queueCols = <R extends Figures>(): Col<R>[] => [
  { key: 'tickets', label: tl('leader.c.tickets'), fmt: 'count', get: (r) => r.tickets },
  { key: 'served', label: tl('leader.c.served'), fmt: 'count', get: (r) => r.served },
  { key: 'skipped', label: tl('leader.c.skipped'), fmt: 'count', get: (r) => r.skipped },
  { key: 'wait', label: tl('leader.c.avgWait'), fmt: 'minutes', get: (r) => r.avgWaitMinutes },
  { key: 'maxWait', label: tl('leader.c.maxWait'), fmt: 'minutes', get: (r) => r.maxWaitMinutes },
  { key: 'service', label: tl('leader.c.avgService'), fmt: 'minutes', get: (r) => r.avgServiceMinutes },
];

/** The counter queue: waiting (ticket → first call) and service times per month, service group, day or commune. */
export function CounterPanel(props: { data: Data }): VNode {
  const d = props.data;
  type Month = Data['months'][number];
  return (
    <>
      <ListView id="counter-months" title={tl('leader.counter.months')} rows={d.months} rowKey={(m) => m.month}
        cols={[{ key: 'month', label: tl('leader.col.month'), fmt: 'month', get: (m: Month) => m.month }, ...queueCols<Month>()]}
        chart={{ type: 'line', label: (m) => m.month, labelFmt: 'month', value: (m) => m.avgWaitMinutes, valueFmt: 'minutes' }} />
      {'groups' in d && (
        <ListView id="counter-groups" title={tl('leader.counter.groups')} rows={d.groups} rowKey={(g) => g.groupKey}
          cols={[{ key: 'name', label: tl('leader.c.group'), fmt: 'text', get: (g: c.CounterCommuneData['groups'][number]) => pick(g.name) }, ...queueCols<c.CounterCommuneData['groups'][number]>()]}
          chart={{ type: 'bars', label: (g) => pick(g.name), value: (g) => g.avgWaitMinutes, valueFmt: 'minutes' }} />
      )}
      {'days' in d && (
        <ListView id="counter-days" title={tl('leader.counter.days')} rows={d.days} rowKey={(r) => r.day}
          cols={[{ key: 'day', label: tl('leader.c.day'), fmt: 'day', get: (r: c.CounterCommuneData['days'][number]) => r.day }, ...queueCols<c.CounterCommuneData['days'][number]>()]}
          chart={{ type: 'line', label: (r) => r.day, labelFmt: 'day', value: (r) => r.avgWaitMinutes, valueFmt: 'minutes' }} />
      )}
      {'communes' in d && (
        <ListView id="counter-communes" title={tl('leader.byCommune')} rows={d.communes} rowKey={(r) => r.communeCode}
          cols={[{ key: 'name', label: tl('leader.col.commune'), fmt: 'text', get: areaName }, ...queueCols<c.CounterProvinceData['communes'][number]>()]}
          chart={{ type: 'bars', label: areaName, value: (r) => r.avgWaitMinutes, valueFmt: 'minutes' }} />
      )}
    </>
  );
}
