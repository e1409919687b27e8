import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import { Button } from '../../ui/components';
import type { Freshness } from '../api';
import { formatLocalTime } from '../format';
import { tl } from '../i18n';

/** How fresh the figures are (issue 6: "show on each dashboard how fresh its figures are"), in Vietnam time. */
export function FreshnessLine(props: { freshness: Freshness; onRefresh?: () => void }): VNode {
  const f = props.freshness;
  return (
    <div class="freshness" data-testid="freshness">
      <p>
        <strong>{tl('leader.fresh.asOf', { time: formatLocalTime(f.asOf) })}</strong>{' '}
        {f.lastChangeAt && tl('leader.fresh.lastChange', { time: formatLocalTime(f.lastChangeAt) })}{' '}
        <span class="muted">{pick(f.note)}</span>
      </p>
      {props.onRefresh && <Button variant="secondary" onClick={props.onRefresh}>{tl('leader.fresh.refresh')}</Button>}
    </div>
  );
}
