import type { VNode } from 'preact';
import type * as c from '../../../../src/modules/indicators/indicators.contracts';
import { pick } from '../../../lib/i18n';
import { tl } from '../../i18n';
import { fmt, ListView, type Col } from '../list-view';
import { areaName } from './readiness';

type Data = c.SatisfactionCommuneData | c.SatisfactionProvinceData;
type Figures = Omit<Data['months'][number], 'month'>;
type Proc = Data['worstProcedures'][number];

const ratingCols = <R extends Figures>(): Col<R>[] => [
  { key: 'ratings', label: tl('leader.c.ratings'), fmt: 'count', get: (r) => r.ratings },
  { key: 'rate', label: tl('leader.c.rate'), fmt: 'percent', get: (r) => r.satisfactionRate },
  { key: 'dislikes', label: tl('leader.c.dislikes'), fmt: 'count', get: (r) => r.dislikes },
  { key: 'average', label: tl('leader.c.average'), fmt: 'decimal', get: (r) => r.averageOverall },
  { key: 'comments', label: tl('leader.c.comments'), fmt: 'count', get: (r) => r.comments },
  { key: 'extra', label: tl('leader.c.extraPayment'), fmt: 'count', get: (r) => r.extraPaymentReports },
];

const procedureCols: Col<Proc>[] = [{ key: 'name', label: tl('leader.col.procedure'), fmt: 'text', lang: 'vi', get: (p) => p.name }, ...ratingCols<Proc>()];

/**
 * Satisfaction (ND 61/2018 Art. 31, the citizens' ratings): the rate per criterion, per month, the worst-rated
 * procedures, and per village or commune.
 */
export function SatisfactionPanel(props: { data: Data }): VNode {
  const d = props.data;
  const areas = ('communes' in d ? d.communes : d.villages) as (Figures & { name?: string | null; communeName?: string })[];
  return (
    <>
      <p class="muted">{tl('leader.sat.scale', { max: d.scale.max, from: d.scale.satisfiedFrom, dislike: d.scale.dislikeAtMost })}</p>
      <ListView id="sat-criteria" title={tl('leader.sat.criteria')} rows={d.criteria} rowKey={(k) => k.key}
        cols={[
          { key: 'label', label: tl('leader.c.criterion'), fmt: 'text', get: (k) => pick(k.label) },
          { key: 'article', label: tl('leader.c.article'), fmt: 'text', get: (k) => k.article },
          { key: 'answered', label: tl('leader.c.answered'), fmt: 'count', get: (k) => k.answered },
          { key: 'satisfied', label: tl('leader.c.satisfied'), fmt: 'count', get: (k) => k.satisfied },
          { key: 'rate', label: tl('leader.c.rate'), fmt: 'percent', get: (k) => k.rate },
        ]}
        chart={{ type: 'bars', label: (k) => pick(k.label), value: (k) => k.rate, valueFmt: 'percent' }} />
      <ListView id="sat-months" title={tl('leader.sat.months')} rows={d.months} rowKey={(m) => m.month}
        cols={[{ key: 'month', label: tl('leader.col.month'), fmt: 'month', get: (m: Data['months'][number]) => m.month }, ...ratingCols<Data['months'][number]>()]}
        chart={{ type: 'line', label: (m) => m.month, labelFmt: 'month', value: (m) => m.satisfactionRate, valueFmt: 'percent' }} />
      <ListView id="sat-worst" title={tl('leader.sat.worst')} rows={d.worstProcedures} rowKey={(p) => p.code} cols={procedureCols}
        notes={<p class="muted">{tl('leader.sat.worstNote', { n: d.scale.worstMinRatings })}</p>} />
      <ListView id="sat-areas" title={'communes' in d ? tl('leader.byCommune') : tl('leader.sat.villages')} rows={areas} rowKey={(_r, i) => String(i)}
        cols={[{ key: 'name', label: 'communes' in d ? tl('leader.col.commune') : tl('leader.col.village'), fmt: 'text', get: areaName }, ...ratingCols<(typeof areas)[number]>()]}
        chart={{ type: 'bars', label: areaName, value: (r) => r.satisfactionRate, valueFmt: 'percent' }} />
      {'procedures' in d && <ListView id="sat-procedures" title={tl('leader.sat.procedures')} rows={d.procedures} rowKey={(p) => p.code} cols={procedureCols} />}
    </>
  );
}
