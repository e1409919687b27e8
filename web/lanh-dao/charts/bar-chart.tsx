import type { VNode } from 'preact';
import { useWidth } from './use-width';

export interface Bar {
  label: string;
  value: number | null;
  /** The value as written in the table ("51,1%", "1.234"). */
  display: string;
  /** Fill; the label and the value are always written next to the bar, so colour is never the only cue. */
  tone?: 'brand' | 'ok' | 'warn' | 'danger';
}

interface Props {
  bars: Bar[];
  labelledBy: string;
  /** Full scale: 100 for shares; by default the largest value. */
  max?: number;
  /** A vertical reference line (the target), dashed and labelled. */
  target?: { value: number; label: string };
}

const ROW = 52;
const TOP = 26;
const VALUE_ROOM = 96;

/** Fits a label to the width (SVG text does not wrap); the full text is in the table beside the chart. */
export function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/**
 * Horizontal bars, one row per item: the label above its bar, the value at the bar's end. Works on a 360 px phone
 * (labels never squeeze the bars) and lists read top to bottom in the table's order.
 */
export function BarChart(props: Props): VNode {
  const [ref, width] = useWidth<HTMLDivElement>();
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const left = 8;
  const plotW = Math.max(60, width - left - VALUE_ROOM);
  const height = TOP + props.bars.length * ROW + 4;
  const xOf = (v: number) => left + (Math.min(v, max) / max) * plotW;
  const chars = Math.floor((width - 16) / 8.2);
  return (
    <div ref={ref} class="chart-box">
      <svg class="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={props.labelledBy} focusable="false">
        {props.bars.map((b, i) => {
          const y = TOP + i * ROW;
          const end = b.value === null ? left : xOf(b.value);
          return (
            <g key={`${b.label}-${i}`}>
              <text class="c-label" x={left} y={y + 14}>{clip(b.label, chars)}</text>
              <rect class={`c-bar c-${b.tone ?? 'brand'}`} x={left} y={y + 20} width={Math.max(b.value ? 2 : 0, end - left)} height={20} rx={3} />
              {/* A value too long for the room after its bar is written inside the bar, in white. */}
              {end + 6 + b.display.length * 7.6 > width && end - left > b.display.length * 7.6 + 8
                ? <text class="c-value-in" x={end - 6} y={y + 35} text-anchor="end">{b.display}</text>
                : <text class="c-value" x={end + 6} y={y + 35}>{b.display}</text>}
            </g>
          );
        })}
        {props.target && (
          <g class="c-target">
            <line x1={xOf(props.target.value)} x2={xOf(props.target.value)} y1={TOP - 6} y2={height - 2} />
            <text x={xOf(props.target.value)} y={TOP - 10} text-anchor="middle">{props.target.label}</text>
          </g>
        )}
      </svg>
    </div>
  );
}
