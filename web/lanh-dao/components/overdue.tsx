import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { pick } from '../../lib/i18n';
import { Alert, Button } from '../../ui/components';
import { getOverdue, type CommuneDashboard, type IndicatorValue } from '../api';
import { DataTable, type TableColumn } from '../charts/chart-frame';
import { formatLocalDate, formatNumber } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

type Item = CommuneDashboard['overdue']['items'][number];
const PAGE = 50;

/**
 * Dossiers overdue now, most days late first (ND 61/2018 Art. 19). Each code opens the dossier in the staff app,
 * where the applicant's data are shown masked and every reveal is audited; names here are masked (Decree 13/2023).
 */
export function OverdueSection(props: { communeCode: string; overdue: CommuneDashboard['overdue']; definition?: IndicatorValue }): VNode {
  const [items, setItems] = useState<Item[]>(props.overdue.items);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => setItems(props.overdue.items), [props.overdue]);
  const more = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await getOverdue(props.communeCode, PAGE, items.length);
      setItems([...items, ...next.items.filter((i) => !items.some((x) => x.code === i.code))]);
    } catch (err) {
      setError(err instanceof ApiError ? err.userMessage : String(err));
    } finally {
      setBusy(false);
    }
  };
  const columns: TableColumn<Item>[] = [
    { key: 'code', label: tl('leader.col.code'), rowHeader: true, cell: (i) => <a class="code" href={`/can-bo/ho-so/${encodeURIComponent(i.code)}`}>{i.code}</a> },
    { key: 'days', label: tl('leader.col.daysLate'), numeric: true, cell: (i) => (
      <>
        <strong>{tl('leader.overdue.days', { n: formatNumber(i.workingDaysOverdue, 0) })}</strong>
        {i.reappointed && <> <span class="badge badge-warn">{tl('leader.overdue.reappointed')}</span></>}
      </>
    ) },
    { key: 'due', label: tl('leader.col.dueAt'), cell: (i) => formatLocalDate(i.dueAt) },
    { key: 'procedure', label: tl('leader.col.procedure'), cell: (i) => <span lang="vi">{i.procedureName}</span> },
    { key: 'village', label: tl('leader.col.village'), cell: (i) => i.villageName ?? '—' },
    { key: 'applicant', label: tl('leader.col.applicant'), cell: (i) => <span class="masked">{i.applicantName}</span> },
  ];
  const def = props.definition;
  return (
    <section class="card" aria-labelledby="overdue-h" data-chart="overdue">
      <h2 id="overdue-h">{tl('leader.overdue.title')}</h2>
      {def && <HowComputed name={pick(def.label)} formula={def.formula} source={def.source} />}
      {props.overdue.count === 0 ? (
        <Alert tone="ok">{tl('leader.overdue.none')}</Alert>
      ) : (
        <>
          <p><strong class="overdue-count">{tl('leader.overdue.count', { n: formatNumber(props.overdue.count, 0) })}</strong></p>
          <DataTable id="overdue-table" caption={tl('leader.overdue.caption')} columns={columns} rows={items} rowKey={(i) => i.code} />
          {error && <Alert tone="error">{error}</Alert>}
          {items.length < props.overdue.count && <Button variant="secondary" busy={busy} onClick={() => void more()}>{tl('leader.overdue.more')}</Button>}
        </>
      )}
    </section>
  );
}
