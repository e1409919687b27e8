import type { VNode } from 'preact';
import type { CommuneDashboard } from '../api';
import { formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { SortableTable, type SortColumn } from './sortable-table';

type Row = CommuneDashboard['procedures'][number];

/** Every procedure with dossiers in the period, sortable: where the volume is, and where the delays are. */
export function ProceduresSection(props: { procedures: Row[] }): VNode {
  const columns: SortColumn<Row>[] = [
    { key: 'name', label: tl('leader.col.procedure'), rowHeader: true, value: (r) => r.name, cell: (r) => <span lang="vi">{r.name}</span> },
    { key: 'submitted', label: tl('leader.col.submitted'), numeric: true, value: (r) => r.submitted, cell: (r) => formatNumber(r.submitted, 0) },
    { key: 'onlineShare', label: tl('leader.col.onlineShare'), numeric: true, value: (r) => r.onlineShare, cell: (r) => formatPercent(r.onlineShare) },
    { key: 'timely', label: tl('leader.col.onTimeOrEarlyShare'), numeric: true, value: (r) => r.onTimeOrEarlyShare, cell: (r) => formatPercent(r.onTimeOrEarlyShare) },
    { key: 'late', label: tl('leader.col.lateShare'), numeric: true, value: (r) => r.lateShare, cell: (r) => formatPercent(r.lateShare) },
    { key: 'days', label: tl('leader.col.avgDays'), numeric: true, value: (r) => r.avgProcessingDays, cell: (r) => formatNumber(r.avgProcessingDays) },
    { key: 'apologies', label: tl('leader.col.apologies'), numeric: true, value: (r) => r.apologies, cell: (r) => formatNumber(r.apologies, 0) },
  ];
  return (
    <section class="card" aria-labelledby="procedures-h">
      <h2 id="procedures-h">{tl('leader.procedures.title')}</h2>
      <SortableTable id="procedures-table" caption={tl('leader.procedures.caption')} columns={columns} rows={props.procedures}
        rowKey={(r) => r.code} initial={{ key: 'submitted', dir: 'desc' }} />
    </section>
  );
}
