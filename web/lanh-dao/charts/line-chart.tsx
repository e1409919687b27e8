import type { VNode } from 'preact';
import { niceTicks, useWidth } from './use-width';

export interface LinePoint {
  /** Axis label (short), e.g. "11/26". */
  label: string;
  value: number | null;
  /** The value as written in the table, e.g. "42,2%". */
  display: string;
}

interface Props {
  points: LinePoint[];
  /** Ids of the elements that name and describe the chart (title and text summary). */
  labelledBy: string;
  percent?: boolean;
  /** A horizontal reference line (the target), drawn dashed and labelled, so it is not told by colour alone. */
  target?: { value: number; label: string };
  formatTick: (n: number) => string;
  /** Columns instead of a line: for many points of counts (support acts per day), where a line only zigzags. */
  columns?: boolean;
}

const H = 260;
const M = { left: 52, right: 16, top: 24, bottom: 36 };

/**
 * A hand-written SVG line chart (no chart library: a few hundred bytes instead of tens of KB on 3G). Months run
 * left to right in equal bands; a gap in the data breaks the line. The SVG is one image for assistive technology
 * (role="img", named by the caption and its text summary); the numbers are in the table beside it.
 */
export function LineChart(props: Props): VNode {
  const [ref, width] = useWidth<HTMLDivElement>();
  const n = Math.max(1, props.points.length);
  const plotW = width - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const values = props.points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = props.percent ? 100 : Math.max(...values, props.target?.value ?? 0, 1);
  const ticks = props.percent ? [0, 25, 50, 75, 100] : niceTicks(top);
  const yMax = ticks[ticks.length - 1]!;
  const band = plotW / n;
  const x = (i: number) => M.left + (i + 0.5) * band;
  const y = (v: number) => M.top + plotH - (v / yMax) * plotH;
  const every = Math.max(1, Math.ceil(48 / band));
  const maxIndex = values.length ? props.points.findIndex((p) => p.value === Math.max(...values)) : -1;
  const lastIndex = props.points.map((p) => p.value !== null).lastIndexOf(true);
  const showValue = (i: number) => band >= 40 || i === maxIndex || i === lastIndex;
  // Dots only where they stay apart; a dense line reads better without them.
  const dots = band >= 10;

  return (
    <div ref={ref} class="chart-box">
      <svg class="chart" width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-labelledby={props.labelledBy} focusable="false">
        {ticks.map((tv) => (
          <g key={tv}>
            <line class="c-grid" x1={M.left} x2={width - M.right} y1={y(tv)} y2={y(tv)} />
            <text class="c-tick" x={M.left - 6} y={y(tv) + 4} text-anchor="end">{props.formatTick(tv)}</text>
          </g>
        ))}
        {props.points.map((p, i) => (i % every === 0 || i === n - 1) && (
          <text key={p.label} class="c-tick" x={x(i)} y={H - 12} text-anchor="middle">{p.label}</text>
        ))}
        {props.target && (
          <g class="c-target">
            <line x1={M.left} x2={width - M.right} y1={y(props.target.value)} y2={y(props.target.value)} />
            <text x={M.left + 4} y={y(props.target.value) - 6}>{props.target.label}</text>
          </g>
        )}
        {props.columns
          ? props.points.map((p, i) => p.value !== null && p.value > 0 && (
            <rect key={`c${i}`} class="c-bar c-brand" x={x(i) - Math.max(0.5, band * 0.35)} width={Math.max(1, band * 0.7)} y={y(p.value)} height={y(0) - y(p.value)} />
          ))
          : <path class="c-line" d={linePath(props.points, x, y)} />}
        {props.points.map((p, i) => p.value !== null && (
          <g key={`p${i}`}>
            {dots && !props.columns && <circle class="c-point" cx={x(i)} cy={y(p.value)} r={5} />}
            {showValue(i) && <text class="c-value" x={x(i)} y={y(p.value) - 10} text-anchor="middle">{p.display}</text>}
          </g>
        ))}
      </svg>
    </div>
  );
}

/** "M x y L x y …", starting a new segment after each missing value. */
export function linePath(points: { value: number | null }[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) return void (pen = false);
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}
