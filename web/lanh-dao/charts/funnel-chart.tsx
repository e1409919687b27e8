import type { VNode } from 'preact';
import { clip } from './bar-chart';
import { useWidth } from './use-width';

export interface FunnelStep {
  label: string;
  value: number;
  display: string;
  /** "68,9% người trưởng thành", written under the bar. */
  share: string;
  tone?: 'brand' | 'ok' | 'warn' | 'danger';
}

const ROW = 72;

/**
 * The readiness funnel: one centred bar per step, as wide as its count relative to `base` (all adults), each step named
 * and counted in words above and under its bar (the shape alone says nothing to someone who cannot see it).
 */
export function FunnelChart(props: { steps: FunnelStep[]; labelledBy: string; base?: number }): VNode {
  const [ref, width] = useWidth<HTMLDivElement>();
  const first = Math.max(1, props.base ?? props.steps[0]?.value ?? 1);
  const height = props.steps.length * ROW + 4;
  const plotW = width - 16;
  const chars = Math.floor((width - 16) / 8.2);
  return (
    <div ref={ref} class="chart-box">
      <svg class="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={props.labelledBy} focusable="false">
        {props.steps.map((s, i) => {
          const w = Math.max(2, (Math.max(0, s.value) / first) * plotW);
          const y = i * ROW;
          return (
            <g key={`${s.label}-${i}`}>
              <text class="c-label" x={width / 2} y={y + 15} text-anchor="middle">{clip(`${s.label}: ${s.display}`, chars)}</text>
              <rect class={`c-bar c-${s.tone ?? 'brand'}`} x={(width - w) / 2} y={y + 21} width={w} height={20} rx={3} />
              {s.share && <text class="c-tick" x={width / 2} y={y + 57} text-anchor="middle">{s.share}</text>}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
