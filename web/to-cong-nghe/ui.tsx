import type { ComponentChildren, VNode } from 'preact';
import type { Readiness } from '../../src/shared/field/readiness';
import { readinessLabels } from '../../src/shared/field/readiness';
import { countOutbox } from '../../src/shared/field/outbox';
import { formatDateTime } from '../lib/format';
import { pick, useLang } from '../lib/i18n';
import { Link, useLocation } from '../lib/router';
import { Alert, Button } from '../ui/components';
import { tf } from './i18n';
import { useField } from './store/field-store';
import { syncNow } from './store/sync-engine';

/**
 * The field app's own controls: big choice buttons (a thumb on a cheap phone, in the sun), the sync bar and the
 * bottom tab bar. Native radios and checkboxes inside labels, so screen readers and keyboards work unchanged.
 */
export interface Choice { value: string; label: string }

export function ChoiceGroup(props: { name: string; legend: string; choices: Choice[]; value: string; onValue: (v: string) => void; cols?: 1 | 2 }): VNode {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      <div class={props.cols === 1 ? 'choice-grid one' : 'choice-grid'}>
        {props.choices.map((c) => (
          <label key={c.value} class={c.value === props.value ? 'choice on' : 'choice'}>
            <input type="radio" name={props.name} value={c.value} checked={c.value === props.value} onChange={() => props.onValue(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function MultiChoice(props: { name: string; legend: string; help?: string; choices: Choice[]; values: string[]; onValues: (v: string[]) => void; error?: string }): VNode {
  const toggle = (v: string) => props.onValues(props.values.includes(v) ? props.values.filter((x) => x !== v) : [...props.values, v]);
  const errId = props.error ? `${props.name}-error` : undefined;
  return (
    <fieldset class={props.error ? 'choices field-invalid' : 'choices'} aria-describedby={errId}>
      <legend>{props.legend}</legend>
      {props.help && <p class="help">{props.help}</p>}
      <div class="choice-grid one">
        {props.choices.map((c) => (
          <label key={c.value} class={props.values.includes(c.value) ? 'choice on' : 'choice'}>
            <input type="checkbox" name={props.name} value={c.value} checked={props.values.includes(c.value)} onChange={() => toggle(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {props.error && <p class="error-text" id={errId} role="alert">{props.error}</p>}
    </fieldset>
  );
}

/** Online or not, what waits, and a "send now" button: the member always knows whether their work has left the phone. */
export function SyncBar(): VNode | null {
  useLang();
  const field = useField();
  if (!field) return null;
  const { sync } = field;
  const c = countOutbox(field.outbox);
  const tone = sync.signedOut || c.needsAttention ? 'warn' : sync.online ? 'ok' : 'info';
  return (
    <div class={`syncbar syncbar-${tone}`} role="status" data-testid="syncbar">
      <span>
        {sync.signedOut ? tf('field.sync.signedOut') : sync.online ? tf('field.sync.online') : tf('field.sync.offline')}
        {c.pending > 0 && <> · <Link href="/to-cong-nghe/hang-cho">{tf('field.sync.pending', { n: c.pending })}</Link></>}
        {c.needsAttention > 0 && <> · <Link href="/to-cong-nghe/hang-cho">{tf('field.sync.attention', { n: c.needsAttention })}</Link></>}
        {sync.lastSyncAt && c.pending === 0 && sync.online && <> · {tf('field.sync.at', { time: formatDateTime(new Date(sync.lastSyncAt).toISOString()) })}</>}
      </span>
      {sync.signedOut
        ? <Link class="btn btn-secondary" href="/to-cong-nghe/dang-nhap">{tf('field.signIn.again')}</Link>
        : c.pending > 0 && <Button variant="secondary" busy={sync.running} onClick={() => void syncNow({ force: true })}>{tf('field.sync.sendNow')}</Button>}
    </div>
  );
}

/** Drawn, not font glyphs: cheap phones' fonts lack many symbols. Stroked paths on a 24 px grid. */
const ICONS = {
  home: 'M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5',
  list: 'M8 6h13M8 12h13M8 18h13M3 6h1M3 12h1M3 18h1',
  plus: 'M12 3v18M3 12h18',
  sync: 'M7 4v14l-3-3m3 3 3-3M17 20V6l3 3m-3-3-3 3',
};

/** Four tabs at the bottom of the screen, where a thumb reaches: home, households, log support, outbox. */
export function TabBar(): VNode | null {
  useLang();
  const field = useField();
  const path = useLocation().path.replace(/\/$/, '');
  if (!field) return null;
  const c = countOutbox(field.outbox);
  const tab = (href: string, label: string, icon: string, match: (p: string) => boolean) => (
    <Link href={href} class="tab" aria-current={match(path) ? 'page' : undefined}>
      <svg class="tab-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={icon} /></svg>
      <span>{label}</span>
    </Link>
  );
  return (
    <nav class="tabbar" aria-label={tf('field.nav.label')}>
      {tab('/to-cong-nghe/', tf('field.nav.home'), ICONS.home, (p) => p === '/to-cong-nghe')}
      {tab('/to-cong-nghe/ho', tf('field.nav.households'), ICONS.list, (p) => p.startsWith('/to-cong-nghe/ho'))}
      {tab('/to-cong-nghe/ghi', tf('field.nav.log'), ICONS.plus, (p) => p.startsWith('/to-cong-nghe/ghi'))}
      {tab('/to-cong-nghe/hang-cho', c.pending + c.needsAttention ? tf('field.nav.outboxN', { n: c.pending + c.needsAttention }) : tf('field.nav.outbox'), ICONS.sync,
        (p) => p.startsWith('/to-cong-nghe/hang-cho'))}
    </nav>
  );
}

const yesNo = (v: boolean | null) => (v === null ? tf('field.unknown') : v ? tf('field.yes') : tf('field.no'));
const label = (v: string | null) => (v ? pick(readinessLabels[v]) || v : tf('field.unknown'));

/** A person's digital readiness, every item in words (no colour-only meaning). */
export function ReadinessList(props: { r: Readiness }): VNode {
  const { r } = props;
  const rows: [string, ComponentChildren][] = [
    [tf('field.r.smartphone'), label(r.smartphone)],
    [tf('field.r.zalo'), yesNo(r.zalo)],
    [tf('field.r.vneid'), label(r.vneid)],
    [tf('field.r.portalAccount'), yesNo(r.portalAccount)],
    [tf('field.r.bank'), yesNo(r.bankOrMobileMoney)],
    [tf('field.r.fibre'), yesNo(r.fibreAtHome)],
    [tf('field.r.skill'), label(r.skill)],
    [tf('field.r.needs'), r.supportNeeds.length ? r.supportNeeds.map((n) => pick(readinessLabels[n])).join(', ') : tf('field.none')],
  ];
  return <dl class="facts readiness">{rows.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>;
}

/** Pages that need the server (team log, import, consent by code) say so plainly instead of failing. */
export function NeedsNetwork(props: { what: string }): VNode | null {
  const field = useField();
  if (!field || field.sync.online) return null;
  return <Alert tone="warn">{tf('field.needsNetwork', { what: props.what })}</Alert>;
}
