import { Fragment, type VNode } from 'preact';
import { t } from '../../i18n';
import { pick } from '../../lib/i18n';
import type { SourcePanel } from '../api';
import { formatLocalTime, formatMonth, formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { analysePanelData, isBilingual, type Cell, type TableSection } from '../panel-data';
import { FigureCard } from './figure-card';
import { ListView, type Fmt } from './list-view';
import { CounterPanel } from './panels/counter';
import { PaymentsPanel } from './panels/payments';
import { ReadinessPanel } from './panels/readiness';
import { SatisfactionPanel } from './panels/satisfaction';
import { TeamsPanel } from './panels/teams';

/** A cell of an unknown source as text: numbers the Vietnamese way, { vi, en } in the current language, dates. */
export function cellText(v: Cell, percent = false): string {
  if (v === null) return '—';
  if (typeof v === 'number') return percent ? formatPercent(v) : formatNumber(v, Number.isInteger(v) ? 0 : 1);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (isBilingual(v)) return pick(v);
  if (/^\d{4}-\d{2}$/.test(v)) return formatMonth(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatLocalTime(v);
  return v;
}

/** A list of a source the dashboard does not know yet, drawn from its shape (panel-data.ts). */
function GenericTable(props: { panelId: string; section: TableSection }): VNode | null {
  const s = props.section;
  type Row = Record<string, Cell>;
  const id = `${props.panelId}-${s.key}`.replace(/[^a-zA-Z0-9-]/g, '-');
  const text = (r: Row) => cellText(r[s.labelKey!] ?? null);
  const value = (r: Row) => (typeof r[s.valueKey!] === 'number' ? (r[s.valueKey!] as number) : null);
  const valueFmt: Fmt = s.percent ? 'percent' : 'decimal';
  const type = s.chart === 'series' ? 'line' : s.chart;
  return <ListView id={id} title={pick(s.title)} rows={s.rows} rowKey={(_r, i) => String(i)}
    cols={s.columns.map((c) => ({ key: c.key, label: pick(c.label), fmt: c.numeric ? (c.key === s.valueKey && s.percent ? 'percent' : 'decimal') : 'text', get: (r: Row) => {
      const v = r[c.key] ?? null;
      return typeof v === 'number' || v === null ? v : cellText(v);
    } }))}
    chart={type && s.labelKey && s.valueKey ? { type, label: text, value, valueFmt } : undefined} />;
}

function GenericData(props: { panelId: string; data: Record<string, unknown> | null }): VNode {
  return (
    <>
      {analysePanelData(props.data).map((s) => s.kind === 'facts' ? (
        <dl key={s.key} class="facts">{s.facts.map((f) => <Fragment key={f.key}><dt>{pick(f.label)}</dt><dd>{cellText(f.value)}</dd></Fragment>)}</dl>
      ) : <GenericTable key={s.key} panelId={props.panelId} section={s} />)}
    </>
  );
}

function PanelData(props: { panel: SourcePanel }): VNode | null {
  const p = props.panel;
  if (p.status !== 'ok' || !p.data) return null;
  switch (p.id) {
    case 'readiness': return <ReadinessPanel data={p.data} />;
    case 'teams': return <TeamsPanel data={p.data} />;
    case 'satisfaction': return <SatisfactionPanel data={p.data} />;
    case 'counter': return <CounterPanel data={p.data} />;
    case 'payments': return <PaymentsPanel data={p.data} />;
    // A source added on the server before this page knows it: drawn from the shape of its data.
    default: return <GenericData panelId={(p as { id: string }).id} data={(p as { data: Record<string, unknown> | null }).data} />;
  }
}

/**
 * A source panel (readiness funnel, team activity, satisfaction by criterion, counter times, online payment): its
 * figures, then its data as charts with tables. "No data yet" says why, plainly, and nothing is drawn.
 */
export function PanelSection(props: { panel: SourcePanel }): VNode {
  const p = props.panel;
  return (
    <section class="card panel" aria-labelledby={`panel-${p.id}-h`} data-panel={p.id} data-status={p.status}>
      <h2 id={`panel-${p.id}-h`}>{pick(p.label)}</h2>
      {p.status === 'no_data_yet' && <p class="alert alert-info" data-testid="panel-reason"><strong>{pick(p.reason) || tl('leader.panel.noData')}</strong></p>}
      {p.indicators.length > 0 && <ul class="figures">{p.indicators.map((v) => <FigureCard key={v.id} value={v} quiet={p.status === 'no_data_yet'} />)}</ul>}
      <PanelData panel={p} />
      {p.freshAt && <p class="muted">{tl('leader.panel.freshAt', { time: formatLocalTime(p.freshAt) })}</p>}
    </section>
  );
}
