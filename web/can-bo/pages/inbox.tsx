import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { listCommuneProcedures, listVillages } from '../../lib/api/commune-admin';
import { listDossiers, type DossierListItem, type ListQuery } from '../../lib/api/dossiers';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { ts, type StaffKey } from '../i18n';
import { roleDefaultStatus, useStaff, type StaffMe } from '../session';
import { FilterDate, FilterSelect } from '../ui';
import { useLoad } from '../use-load';

const statuses = ['submitted', 'received', 'in_progress', 'awaiting_supplement', 'result_ready', 'returned', 'rejected', 'withdrawn'] as const;
export const statusLabel = (s: string) => ts(`staff.status.${s}` as StaffKey);
export const statusTone = (s: string) =>
  s === 'returned' || s === 'result_ready' ? 'badge badge-ok' : s === 'awaiting_supplement' ? 'badge badge-warn' : s === 'rejected' || s === 'withdrawn' ? 'badge badge-danger' : 'badge';

/** Filter keys in the address bar, so Back and a shared link keep them. */
type Filters = { status: string; procedure: string; village: string; channel: string; due: string };

function toApiQuery(f: Filters, limit: number): ListQuery {
  const q: ListQuery = { limit };
  if (f.status && f.status !== 'all') q.status = f.status as ListQuery['status'];
  if (f.procedure) q.procedureCode = f.procedure;
  if (f.village) q.villageId = f.village;
  if (f.channel === 'online') q.channel = 'online';
  if (f.channel === 'counter') q.channel = 'in_person';
  if (f.channel === 'volunteer') q.assisted = 'volunteer';
  // "Due by" a date: up to the end of that day in Vietnam (UTC+7).
  if (f.due) q.dueBefore = `${f.due}T23:59:59+07:00`;
  return q;
}

/** The inbox: open dossiers first, the most urgent first; overdue and due-within-1-working-day ones stand out. */
export function InboxPage(props: { query: URLSearchParams }): VNode {
  useLang();
  const staff = useStaff();
  if (!staff) return <Loading />;
  return <Inbox staff={staff} query={props.query} />;
}

function Inbox({ staff, query }: { staff: StaffMe; query: URLSearchParams }): VNode {
  const f: Filters = {
    status: query.get('trang-thai') ?? roleDefaultStatus[staff.role] ?? 'all',
    procedure: query.get('thu-tuc') ?? '', village: query.get('thon') ?? '', channel: query.get('kenh') ?? '', due: query.get('han') ?? '',
  };
  const [limit, setLimit] = useState(50);
  const active = [f.procedure, f.village, f.channel, f.due].filter(Boolean).length;
  const commune = staff.communeCode;
  const refs = useLoad(async () => ({
    procedures: commune ? (await listCommuneProcedures(commune)).items.filter((p) => p.offered) : [],
    villages: commune ? (await listVillages(commune)).items : [],
  }), [commune]);
  const list = useLoad(() => listDossiers(toApiQuery(f, limit)), [query.toString(), limit]);
  const names = new Map((refs.data?.procedures ?? []).map((p) => [p.code, p.name]));
  const villages = new Map((refs.data?.villages ?? []).map((v) => [v.id, v.name]));

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'trang-thai' && !value) next.set(key, 'all');
    navigate(`/can-bo/ho-so?${next.toString()}`, { replace: true });
  };

  return (
    <>
      <h1>{ts('staff.inbox.title')}</h1>
      <FilterSelect id="f-status" label={ts('staff.inbox.status')} value={f.status === 'all' ? '' : f.status} onValue={(v) => set('trang-thai', v)}
        options={statuses.map((s) => ({ value: s, label: statusLabel(s) }))} />
      <details class="filter-box" open={active > 0 || window.innerWidth >= 720}>
      <summary>{active ? ts('staff.inbox.filtersOn', { n: active }) : ts('staff.inbox.filters')}</summary>
      <form class="filters" aria-label={ts('staff.inbox.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="f-procedure" label={ts('staff.inbox.procedure')} value={f.procedure} onValue={(v) => set('thu-tuc', v)}
          options={(refs.data?.procedures ?? []).map((p) => ({ value: p.code, label: p.name }))} />
        <FilterSelect id="f-village" label={ts('staff.inbox.village')} value={f.village} onValue={(v) => set('thon', v)}
          options={(refs.data?.villages ?? []).map((v) => ({ value: v.id, label: v.name }))} />
        <FilterSelect id="f-channel" label={ts('staff.inbox.channel')} value={f.channel} onValue={(v) => set('kenh', v)}
          options={[{ value: 'online', label: ts('staff.channel.online') }, { value: 'counter', label: ts('staff.channel.counter') }, { value: 'volunteer', label: ts('staff.channel.volunteer') }]} />
        <FilterDate id="f-due" label={ts('staff.inbox.dueBy')} value={f.due} onValue={(v) => set('han', v)} />
      </form>
      </details>
      {list.error && <Alert tone="error">{list.error.userMessage} <Button variant="secondary" onClick={list.reload}>{ts('staff.retry')}</Button></Alert>}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p role="status">{ts('staff.inbox.count', { n: list.data.items.length })}</p>
          <ul class="inbox" aria-label={ts('staff.inbox.title')}>
            {list.data.items.map((d) => <InboxRow key={d.code} d={d} name={names.get(d.procedureCode)} village={d.villageId ? villages.get(d.villageId) : undefined} />)}
          </ul>
          {list.data.items.length >= limit && <Button variant="secondary" onClick={() => setLimit(limit + 50)}>{ts('staff.inbox.more')}</Button>}
        </>
      )}
    </>
  );
}

function InboxRow({ d, name, village }: { d: DossierListItem; name?: string; village?: string }): VNode {
  const cls = d.overdue ? 'overdue' : d.dueSoon ? 'due-soon' : undefined;
  const channel = d.onBehalf === 'volunteer' ? ts('staff.channel.volunteer') : d.channel === 'online' ? ts('staff.channel.online') : ts('staff.channel.counter');
  return (
    <li class={cls}>
      <Link class="code" href={`/can-bo/ho-so/${encodeURIComponent(d.code)}`}>{name ?? d.procedureCode}</Link>
      <div class="meta">
        <span class={statusTone(d.status)}>{statusLabel(d.status)}</span>
        {d.overdue && <span class="badge badge-danger">{ts('staff.inbox.overdue')}</span>}
        {d.dueSoon && <span class="badge badge-warn">{ts('staff.inbox.dueSoon')}</span>}
      </div>
      <div class="meta">
        <span>{ts('staff.inbox.code')}: <strong>{d.code}</strong></span>
        <span>{ts('staff.inbox.applicant')}: <strong>{d.applicantName}</strong></span>
        {d.dueAt && <span>{ts('staff.inbox.due')}: <strong>{formatDateTime(d.dueAt)}</strong></span>}
        <span>{channel}</span>
        {village && <span>{village}</span>}
        <span>{ts('staff.inbox.submitted')}: {formatDateTime(d.submittedAt)}</span>
      </div>
    </li>
  );
}
