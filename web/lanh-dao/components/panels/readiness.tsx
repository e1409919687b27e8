import type { VNode } from 'preact';
import type * as c from '../../../../src/modules/indicators/indicators.contracts';
import { pick } from '../../../lib/i18n';
import { formatLocalTime } from '../../format';
import { tl } from '../../i18n';
import { fmt, ListView, type Col } from '../list-view';

type Data = c.ReadinessCommuneData | c.ReadinessProvinceData;
type Step = Data['funnel'][number];
type Area = (c.ReadinessCommuneData['villages'][number] | c.ReadinessProvinceData['communes'][number]) & { funnel: Step[] };

/** Where an area's row gets its name: a village (or none recorded) or a commune. */
export function areaName(r: { name?: string | null; communeName?: string }): string {
  return r.communeName ?? r.name ?? tl('leader.villages.unknown');
}

/** "720 adults: 496 with a smartphone (68,9%), 46 do online procedures on their own (6,4%); 97 have no phone (13,5%)." */
function funnelSummary(d: Data): string {
  const step = (id: Step['step']) => d.funnel.find((s) => s.step === id);
  const part = (s: Step | undefined) => ({ n: fmt('count', s?.count ?? null), share: fmt('percent', s?.share ?? null) });
  const [phone, self, none] = [part(step('smartphone')), part(step('on_their_own')), part(step('no_device'))];
  return tl('leader.ready.summary', {
    adults: fmt('count', d.adults), phone: phone.n, phoneShare: phone.share, self: self.n, selfShare: self.share, none: none.n, noneShare: none.share,
  });
}

/**
 * Household digital readiness (from the household registry, as of now): the funnel of adults from "no phone" to
 * "does it on their own", with smartphones and fibre, the criteria communes report; then the same per village.
 */
export function ReadinessPanel(props: { data: Data }): VNode {
  const d = props.data;
  const areas: Area[] = 'communes' in d ? d.communes : d.villages;
  const stepCols: Col<Area>[] = d.funnel.filter((s) => s.step !== 'no_device').map((s) => ({
    key: s.step, label: pick(s.label), fmt: 'count', get: (r) => r.funnel.find((x) => x.step === s.step)?.count ?? null,
  }));
  return (
    <>
      <dl class="facts">
        <dt>{tl('leader.ready.households')}</dt><dd>{fmt('count', d.households)}</dd>
        <dt>{tl('leader.ready.adults', { age: d.adultAge })}</dt><dd>{fmt('count', d.adults)}</dd>
        <dt>{tl('leader.ready.smartphone')}</dt><dd>{fmt('percent', d.smartphoneShare)}</dd>
        <dt>{tl('leader.ready.basicPhone')}</dt><dd>{fmt('count', d.basicPhone)}</dd>
        <dt>{tl('leader.ready.fibre')}</dt><dd>{tl('leader.ready.fibreValue', { n: fmt('count', d.fibreHouseholds), share: fmt('percent', d.fibreShare) })}</dd>
        <dt>{tl('leader.ready.notRecorded')}</dt><dd>{fmt('count', d.notRecorded)}</dd>
        <dt>{tl('leader.ready.asOf')}</dt><dd>{formatLocalTime(d.asOf)}</dd>
      </dl>
      <ListView id="readiness-funnel" title={tl('leader.ready.funnel')} rows={d.funnel} rowKey={(s) => s.step} summary={funnelSummary(d)}
        notes={<p class="muted">{tl('leader.ready.funnelNote')}</p>}
        cols={[
          { key: 'step', label: tl('leader.c.step'), fmt: 'text', get: (s) => pick(s.label) },
          { key: 'count', label: tl('leader.c.people'), fmt: 'count', get: (s) => s.count },
          { key: 'share', label: tl('leader.c.shareOfAdults'), fmt: 'percent', get: (s) => s.share },
          { key: 'alone', label: tl('leader.c.alone'), fmt: 'count', get: (s) => s.alone },
        ]}
        chart={{
          type: 'funnel', label: (s) => pick(s.label), value: (s) => s.count, valueFmt: 'count', base: d.adults,
          tone: (s) => (s.step === 'no_device' ? 'warn' : 'brand'), note: (s) => tl('leader.ready.ofAdults', { share: fmt('percent', s.share) }),
        }} />
      <ListView id="readiness-areas" title={'communes' in d ? tl('leader.byCommune') : tl('leader.ready.byVillage')} rows={areas}
        rowKey={(r, i) => `${'communeCode' in r ? r.communeCode : r.villageId}-${i}`}
        notes={<p class="muted">{tl('leader.ready.chartNote')}</p>}
        cols={[
          { key: 'name', label: 'communes' in d ? tl('leader.col.commune') : tl('leader.col.village'), fmt: 'text', get: areaName },
          { key: 'households', label: tl('leader.c.households'), fmt: 'count', get: (r) => r.households },
          { key: 'adults', label: tl('leader.c.adults'), fmt: 'count', get: (r) => r.adults },
          { key: 'smartphone', label: tl('leader.c.smartphoneShare'), fmt: 'percent', get: (r) => r.smartphoneShare },
          { key: 'fibre', label: tl('leader.c.fibreShare'), fmt: 'percent', get: (r) => r.fibreShare },
          ...stepCols,
        ]}
        chart={{ type: 'bars', label: areaName, value: (r) => r.smartphoneShare, valueFmt: 'percent' }} />
    </>
  );
}
