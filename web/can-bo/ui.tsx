import type { VNode } from 'preact';
import { ts } from './i18n';

/** A filter: label and select, "Tất cả" meaning no filter (not a form question, so no "optional" mark). */
export function FilterSelect(props: { id: string; label: string; value: string; onValue: (v: string) => void; options: { value: string; label: string }[] }): VNode {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} class="input" value={props.value} onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{ts('staff.all')}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function FilterDate(props: { id: string; label: string; value: string; onValue: (v: string) => void }): VNode {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="date" class="input" value={props.value} onChange={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)} />
    </div>
  );
}
