import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import type { IndicatorValue } from '../api';
import { formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

/** A figure as written everywhere on the dashboards: "42,2%", "6", "2,1 ngày làm việc", or why there is none. */
export function formatIndicator(v: Pick<IndicatorValue, 'status' | 'unit' | 'value'>): string {
  if (v.status === 'no_data_yet') return tl('leader.value.noDataYet');
  if (v.value === null) return tl('leader.value.noDossiers');
  if (v.unit === 'percent') return formatPercent(v.value);
  if (v.unit === 'working_days') return tl('leader.value.days', { n: formatNumber(v.value) });
  if (v.unit === 'minutes') return tl('leader.value.minutes', { n: formatNumber(v.value) });
  return formatNumber(v.value, 0);
}

/** "187 trên 443" for a share; nothing for counts. */
export function describeNumbers(v: IndicatorValue): string | null {
  if (v.numerator === null || v.denominator === null) return null;
  return tl('leader.how.numbers', { num: formatNumber(v.numerator, 1), den: formatNumber(v.denominator, 0) });
}

/** One headline figure: its value, what it is made of, and "how is this computed?". */
export function FigureCard(props: { value: IndicatorValue; quiet?: boolean }): VNode {
  const v = props.value;
  const name = pick(v.label);
  const missing = v.status !== 'ok';
  return (
    <li class={missing ? 'figure figure-missing' : 'figure'} data-indicator={v.id}>
      <span class="figure-label">{name}</span>
      <strong class="figure-value">{formatIndicator(v)}</strong>
      {v.unit === 'percent' && v.numerator !== null && v.denominator !== null && (
        <span class="figure-detail">{tl('leader.value.ofTotal', { num: formatNumber(v.numerator, 0), den: formatNumber(v.denominator, 0) })}</span>
      )}
      {v.status === 'no_data_yet' && v.note && !props.quiet && <span class="figure-detail">{pick(v.note)}</span>}
      <HowComputed name={name} formula={v.formula} source={v.source} note={v.status === 'no_data_yet' ? null : v.note} numbers={describeNumbers(v)} />
    </li>
  );
}

export function FigureGrid(props: { values: IndicatorValue[]; id: string; title: string }): VNode {
  return (
    <section aria-labelledby={`${props.id}-h`} class="figures-section">
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <ul class="figures">{props.values.map((v) => <FigureCard key={v.id} value={v} />)}</ul>
    </section>
  );
}
