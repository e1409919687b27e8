import type { VNode } from 'preact';
import { tl } from '../i18n';

/** "Trên trang này": jump links to each part of a long dashboard (the headings' ids), for phones and keyboards. */
export function Toc(props: { items: { id: string; label: string }[] }): VNode {
  return (
    <nav class="toc card" aria-labelledby="toc-h">
      <h2 id="toc-h" class="h-small">{tl('leader.toc')}</h2>
      <ul>{props.items.map((i) => <li key={i.id}><a href={`#${i.id}`}>{i.label}</a></li>)}</ul>
    </nav>
  );
}
