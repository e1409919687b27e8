import type { VNode } from 'preact';
import { formatDateTime } from '../lib/format';

export interface TimelineItem { key: string; title: string; at: string; detail?: string }

/** Newest last, like a story; the last entry is marked as "now" for sighted and screen-reader users. */
export function Timeline(props: { items: TimelineItem[]; label: string; nowLabel: string }): VNode {
  return (
    <ol class="timeline" aria-label={props.label}>
      {props.items.map((it, i) => {
        const last = i === props.items.length - 1;
        return (
          <li key={it.key} class={last ? 'now' : undefined} aria-current={last ? 'step' : undefined}>
            <strong>{it.title}</strong>
            {last && <span class="visually-hidden"> ({props.nowLabel})</span>}
            <time dateTime={it.at}>{formatDateTime(it.at)}</time>
            {it.detail && <p>{it.detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
