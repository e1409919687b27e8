import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import type { Index766 } from '../api';
import { formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

type Component = Index766['groups'][number]['components'][number];

const statusClass: Record<Component['status'], string> = {
  computed: 'badge badge-ok', not_measured_here: 'badge', no_data_yet: 'badge badge-warn', no_dossiers: 'badge badge-warn',
};

/**
 * Decision 766/QĐ-TTg: five groups, 100 points. Each component with its maximum; what xaso cannot know is written
 * "Không đo tại đây" (never a guessed number), and the total is "x of the N points measured here", not a score.
 */
export function Index766Section(props: { index: Index766 }): VNode {
  const ix = props.index;
  return (
    <section class="card" aria-labelledby="i766-h" data-chart="index766">
      <h2 id="i766-h">{tl('leader.i766.title')}</h2>
      <p><strong data-testid="i766-score">{tl('leader.i766.score', { score: formatNumber(ix.score), measured: formatNumber(ix.measuredMax, 0) })}</strong></p>
      <p class="muted">{pick(ix.note)}</p>
      <div class="table-wrap" role="region" tabIndex={0} aria-labelledby="i766-cap">
        <table class="data i766">
          <caption id="i766-cap">{tl('leader.i766.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tl('leader.i766.component')}</th>
              <th scope="col" class="num">{tl('leader.i766.max')}</th>
              <th scope="col" class="num">{tl('leader.i766.rate')}</th>
              <th scope="col" class="num">{tl('leader.i766.points')}</th>
              <th scope="col">{tl('leader.i766.status')}</th>
            </tr>
          </thead>
          {ix.groups.map((g) => (
            <tbody key={g.id}>
              <tr class="group-row">
                <th scope="rowgroup" colSpan={5}>{tl('leader.i766.group', { name: pick(g.name), max: formatNumber(g.maxPoints, 0) })}</th>
              </tr>
              {g.components.map((c) => (
                <tr key={c.id} data-component={c.id} data-status={c.status}>
                  <th scope="row">
                    {c.id}. {pick(c.name)}
                    <HowComputed name={pick(c.name)} formula={c.formula} source={c.source} />
                  </th>
                  <td class="num">{c.maxPoints === null ? tl('leader.i766.maxUnknown') : formatNumber(c.maxPoints)}</td>
                  <td class="num">{formatPercent(c.rate)}</td>
                  <td class="num">{c.points === null ? '—' : formatNumber(c.points)}</td>
                  <td><span class={statusClass[c.status]}>{tl(`leader.i766.status.${c.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
