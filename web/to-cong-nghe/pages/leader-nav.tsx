import type { VNode } from 'preact';
import { Link } from '../../lib/router';
import { tf } from '../i18n';

/** The leader area's sections (team log, conflicts, import, campaigns, announcements), the current one marked. */
export function LeaderNav(props: { current: string }): VNode {
  const link = (s: string, label: string) => (
    <li><Link href={`/to-cong-nghe/to${s ? `/${s}` : ''}`} aria-current={props.current === s ? 'page' : undefined}>{label}</Link></li>
  );
  return (
    <ul class="subnav">
      {link('', tf('field.team.log'))}
      {link('xung-dot', tf('field.team.conflicts'))}
      {link('nhap', tf('field.import.title'))}
      {link('chien-dich', tf('field.team.campaigns'))}
      {link('thong-bao', tf('field.team.announcements'))}
    </ul>
  );
}
