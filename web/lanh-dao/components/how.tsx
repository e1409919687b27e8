import type { VNode } from 'preact';
import { getLang, pick, type Bilingual } from '../../lib/i18n';
import { tl } from '../i18n';

/**
 * "Cách tính?": the formula and its legal source, as the server sends them with every figure (definitions.ts of the
 * indicators module). A native <details>: keyboard and screen readers handle it, and it works before any script.
 * The figure's name is in the summary (hidden visually), so each "Cách tính?" is told apart in a list of links.
 */
export function HowComputed(props: { name: string; formula: Bilingual; source: string; note?: Bilingual | null; numbers?: string | null }): VNode {
  return (
    <details class="how">
      <summary>{tl('leader.how.summary')}<span class="visually-hidden"> {props.name}</span></summary>
      <dl>
        <dt>{tl('leader.how.formula')}</dt>
        <dd>{pick(props.formula)}</dd>
        <dt>{tl('leader.how.source')}</dt>
        <dd lang={getLang() === 'vi' ? undefined : 'vi'}>{props.source}</dd>
        {props.numbers && <dd class="muted">{props.numbers}</dd>}
        {props.note && <dd class="muted">{pick(props.note)}</dd>}
      </dl>
    </details>
  );
}
