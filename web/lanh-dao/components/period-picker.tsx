import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLang } from '../../lib/i18n';
import { Button } from '../../ui/components';
import { formatMonth } from '../format';
import { tl } from '../i18n';
import { checkPeriod, lastMonths, monthChoices } from '../period';

/**
 * The period of a dashboard in whole months, "Từ tháng … Đến tháng …", plus the usual choices in one tap. A first
 * month after the last is refused here, next to the field, before anything is asked of the server (which checks too).
 */
export function PeriodPicker(props: { from: string; to: string; onPeriod: (p: { from: string; to: string }) => void; now?: Date }): VNode {
  useLang();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setFrom(props.from);
    setTo(props.to);
  }, [props.from, props.to]);
  const now = props.now ?? new Date();
  const choices = monthChoices(now);
  // A period from the URL may be older than the list: keep it selectable.
  const options = [...new Set([...choices, props.from, props.to])].sort().reverse();
  const submit = (e: Event) => {
    e.preventDefault();
    const problem = checkPeriod(from, to);
    if (problem) return setError(tl('leader.period.fromAfterTo'));
    setError(undefined);
    props.onPeriod({ from, to });
  };
  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} class="input" value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'period-error' : undefined}
        onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((m) => <option key={m} value={m}>{formatMonth(m)}</option>)}
      </select>
    </div>
  );
  return (
    <form class="card period" onSubmit={submit} noValidate aria-labelledby="period-legend">
      <h2 id="period-legend" class="h-small">{tl('leader.period.legend')}</h2>
      <div class="period-fields">
        {select('period-from', tl('leader.period.from'), from, setFrom)}
        {select('period-to', tl('leader.period.to'), to, setTo)}
        <Button type="submit">{tl('leader.period.apply')}</Button>
      </div>
      {error && <p class="error-text" id="period-error" role="alert">{error}</p>}
      <p class="quick">
        <span class="muted">{tl('leader.period.quick')}:</span>
        {([3, 6, 12] as const).map((n) => (
          <Button key={n} variant="ghost" onClick={() => props.onPeriod(lastMonths(now, n))}>{tl(`leader.period.last${n}`)}</Button>
        ))}
      </p>
    </form>
  );
}
