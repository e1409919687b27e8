import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { listCommuneProcedures, setCommuneProcedure, type CommuneProcedure } from '../../lib/api/commune-admin';
import { formatVnd } from '../../lib/format';
import { Alert, Button, Loading } from '../../ui/components';
import { ts } from '../i18n';
import { useLoad } from '../use-load';
import { useFormRun } from './form-state';

/**
 * The procedures this commune offers, with a local fee or processing time where the law lets the province or
 * commune set it (e.g. fees decided by the provincial People's Council); empty = the national value.
 */
export default function ProceduresAdmin({ commune }: { commune: string }): VNode {
  const list = useLoad(() => listCommuneProcedures(commune), [commune]);
  return (
    <>
      <h1>{ts('staff.admin.thu-tuc')}</h1>
      <p class="help">{ts('staff.procedures.help')}</p>
      {list.error && <Alert tone="error">{list.error.userMessage}</Alert>}
      {!list.data ? <Loading /> : (
        <div class="table-wrap">
          <table class="grid stack">
            <caption class="visually-hidden">{ts('staff.admin.thu-tuc')}</caption>
            <thead><tr>
              <th scope="col">{ts('staff.procedures.name')}</th><th scope="col">{ts('staff.procedures.offered')}</th>
              <th scope="col">{ts('staff.procedures.fee')}</th><th scope="col">{ts('staff.procedures.days')}</th><th scope="col">{ts('staff.actions')}</th>
            </tr></thead>
            <tbody>{list.data.items.map((p) => <ProcedureRow key={p.code} p={p} commune={commune} />)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ProcedureRow({ p, commune }: { p: CommuneProcedure; commune: string }): VNode {
  const [offered, setOffered] = useState(p.offered);
  const [fee, setFee] = useState(p.override.feeVnd === null ? '' : String(p.override.feeVnd));
  const [days, setDays] = useState(p.override.processingDays === null ? '' : String(p.override.processingDays));
  const f = useFormRun();
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\./g, '')));
  const save = () => void f.run(async () => {
    await setCommuneProcedure(commune, p.code, { offered, feeVnd: num(fee), processingDays: num(days) });
    return ts('staff.saved');
  });
  const err = f.errors.form ?? f.errors.feeVnd ?? f.errors.processingDays;
  return (
    <tr>
      <th scope="row">{p.name}<br /><span class="muted">{p.code}</span></th>
      <td data-label={ts('staff.procedures.offered')}><label class="check"><input type="checkbox" checked={offered} onChange={(e) => setOffered((e.currentTarget as HTMLInputElement).checked)} /><span>{ts('staff.procedures.offeredYes')}<span class="visually-hidden"> {p.name}</span></span></label></td>
      <td data-label={ts('staff.procedures.fee')}>
        <label class="visually-hidden" for={`fee-${p.code}`}>{ts('staff.procedures.feeOf', { name: p.name })}</label>
        <input id={`fee-${p.code}`} class="input" inputMode="numeric" value={fee} placeholder={String(p.national.feeVnd)} onInput={(e) => setFee((e.currentTarget as HTMLInputElement).value)} />
        <span class="help">{ts('staff.procedures.national', { value: p.national.feeVnd ? formatVnd(p.national.feeVnd) : ts('staff.dossier.free') })}</span>
      </td>
      <td data-label={ts('staff.procedures.days')}>
        <label class="visually-hidden" for={`days-${p.code}`}>{ts('staff.procedures.daysOf', { name: p.name })}</label>
        <input id={`days-${p.code}`} class="input" inputMode="numeric" value={days} placeholder={String(p.national.processingDays)} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
        <span class="help">{ts('staff.procedures.national', { value: String(p.national.processingDays) })}</span>
      </td>
      <td data-label={ts('staff.actions')}>
        <Button variant="secondary" busy={f.busy} onClick={save} aria-label={ts('staff.procedures.saveOf', { name: p.name })}>{ts('staff.save')}</Button>
        {err && <p class="error-text" role="alert">{err}</p>}
        {f.done && <p role="status">{f.done}</p>}
      </td>
    </tr>
  );
}
