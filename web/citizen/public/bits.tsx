import type { VNode } from 'preact';
import { t } from '../../i18n';

/** Shared bits of the citizen portal's public team pages (issue 4): tap-to-call links and local dates. */

/** "0905200001" → "0905 200 001": easier to read aloud and to check against a notice board. */
export function spacedPhone(phone: string): string {
  const d = phone.replace(/\s+/g, '');
  return /^0\d{9}$/.test(d) ? `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}` : d;
}

/** A big tap-to-call button (48 px+ touch target, base.css .btn): on a phone one tap opens the dialer. */
export function TelLink(props: { phone: string; label?: string; secondary?: boolean }): VNode {
  const text = props.label ?? t('citizen.team.call', { phone: spacedPhone(props.phone) });
  return <a class={props.secondary ? 'btn btn-secondary btn-block' : 'btn btn-block'} href={`tel:${props.phone.replace(/\s+/g, '')}`}>{text}</a>;
}

/** A commune-local calendar day "2026-11-26" (shifts are planned in Asia/Ho_Chi_Minh days) → "26/11". */
export function dayMonth(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}` : isoDay;
}
