import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import { sortRows, type SortDir, type SortValue } from '../sort';

export interface SortColumn<R> {
  key: string;
  label: string;
  numeric?: boolean;
  /** What the column sorts by; without it the column is not sortable. */
  value?: (row: R) => SortValue;
  cell: (row: R) => ComponentChildren;
  rowHeader?: boolean;
}

/**
 * A table sorted by clicking a column header (WAI-ARIA "sortable table" pattern): each header is a real <button>, so
 * Tab reaches it and Enter or Space sorts; the sorted column carries aria-sort. Numbers sort biggest first on the
 * first press, words A→Z (Vietnamese order); rows with no value stay last either way (sort.ts).
 */
export function SortableTable<R>(props: {
  id: string;
  caption: string;
  columns: SortColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  initial: { key: string; dir: SortDir };
  rowClass?: (row: R) => string | undefined;
}): VNode {
  const [sort, setSort] = useState(props.initial);
  const column = props.columns.find((c) => c.key === sort.key && c.value);
  const rows = column ? sortRows(props.rows, column.value!, sort.dir) : props.rows;
  const press = (c: SortColumn<R>) => {
    const dir: SortDir = sort.key === c.key ? (sort.dir === 'asc' ? 'desc' : 'asc') : c.numeric ? 'desc' : 'asc';
    setSort({ key: c.key, dir });
  };
  const ariaSort = (c: SortColumn<R>) => (sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : c.value ? 'none' : undefined);
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={`${props.id}-cap`}>
      <table class="data sortable" id={props.id}>
        <caption id={`${props.id}-cap`}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={ariaSort(c)} data-col={c.key}>
                {c.value ? (
                  <button type="button" class="sort-btn" onClick={() => press(c)}>
                    {c.label}
                    <span class="sort-mark" aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </button>
                ) : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={props.rowKey(r)} class={props.rowClass?.(r)}>
              {props.columns.map((c) => c.rowHeader
                ? <th key={c.key} scope="row">{c.cell(r)}</th>
                : <td key={c.key} class={c.numeric ? 'num' : undefined}>{c.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
