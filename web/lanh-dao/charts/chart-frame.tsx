import type { ComponentChildren, VNode } from 'preact';

/**
 * A chart with its data table beside it (issue 6: "every chart has its data table beside it, for screen readers and
 * for copying"). The chart is named by the section's heading and described by a one-sentence summary (its text
 * alternative); the table is a real <table> with a caption, in a scroll box that keyboard users can scroll.
 */
export function ChartWithTable(props: {
  id: string;
  title: string;
  summary: string;
  chart: (labelledBy: string) => VNode;
  table: VNode;
  /** "How is this computed?" and other notes under the heading. */
  notes?: ComponentChildren;
  level?: 2 | 3;
}): VNode {
  const H = props.level === 3 ? 'h3' : 'h2';
  return (
    <section class={props.level === 3 ? 'chart-section nested' : 'card chart-section'} aria-labelledby={`${props.id}-h`} data-chart={props.id}>
      <H id={`${props.id}-h`}>{props.title}</H>
      {props.notes}
      <div class="chart-grid">
        <figure class="chart-fig">
          {props.chart(`${props.id}-h ${props.id}-sum`)}
          <figcaption id={`${props.id}-sum`} class="chart-summary">{props.summary}</figcaption>
        </figure>
        {props.table}
      </div>
    </section>
  );
}

export interface TableColumn<R> {
  key: string;
  label: string;
  numeric?: boolean;
  cell: (row: R) => ComponentChildren;
  /** The row's header cell (first column, scope="row"). */
  rowHeader?: boolean;
}

/** A plain data table with a caption; numbers right-aligned. Wrapped in a focusable scroll region for narrow screens. */
export function DataTable<R>(props: { id: string; caption: string; columns: TableColumn<R>[]; rows: R[]; rowKey: (row: R, i: number) => string; foot?: VNode }): VNode {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={`${props.id}-cap`}>
      <table class="data" id={props.id}>
        <caption id={`${props.id}-cap`}>{props.caption}</caption>
        <thead>
          <tr>{props.columns.map((c) => <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={props.rowKey(r, i)}>
              {props.columns.map((c) => c.rowHeader
                ? <th key={c.key} scope="row">{c.cell(r)}</th>
                : <td key={c.key} class={c.numeric ? 'num' : undefined}>{c.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
        {props.foot}
      </table>
    </div>
  );
}
