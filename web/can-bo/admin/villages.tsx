import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { villageKindLabels, villageKinds } from '../../../src/modules/admin-units/village-kinds';
import { createVillage, deleteVillage, listVillages, updateVillage, type Village } from '../../lib/api/commune-admin';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { ts } from '../i18n';
import { useLoad } from '../use-load';
import { useFormRun } from './form-state';

const kinds = villageKinds.map((k) => ({ value: k, label: villageKindLabels[k] }));

/** Thôn / tổ dân phố of the commune: add, rename, remove (removal keeps a tombstone for field devices). */
export default function VillagesAdmin({ commune }: { commune: string }): VNode {
  const list = useLoad(() => listVillages(commune), [commune]);
  const [editing, setEditing] = useState<Village>();
  return (
    <>
      <h1>{ts('staff.admin.thon')}</h1>
      {list.error && <Alert tone="error">{list.error.userMessage}</Alert>}
      {!list.data ? <Loading /> : (
        <div class="table-wrap">
          <table class="grid stack">
            <caption class="visually-hidden">{ts('staff.admin.thon')}</caption>
            <thead><tr><th scope="col">{ts('staff.villages.name')}</th><th scope="col">{ts('staff.villages.kind')}</th><th scope="col">{ts('staff.villages.phone')}</th><th scope="col">{ts('staff.actions')}</th></tr></thead>
            <tbody>
              {list.data.items.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th><td data-label={ts('staff.villages.kind')}>{villageKindLabels[v.kind]}</td>
                  <td data-label={ts('staff.villages.phone')}>{v.contactPhone ?? ''}</td>
                  <td data-label={ts('staff.actions')}><div class="row">
                    <Button variant="secondary" onClick={() => setEditing(v)} aria-label={ts('staff.editNamed', { name: v.name })}>{ts('staff.edit')}</Button>
                    <Button variant="ghost" aria-label={ts('staff.removeNamed', { name: v.name })} onClick={() => confirm(ts('staff.villages.confirmRemove', { name: v.name })) && void deleteVillage(commune, v.id).then(list.reload)}>{ts('staff.remove')}</Button>
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <VillageForm key={editing?.id ?? 'new'} commune={commune} village={editing} onDone={() => (setEditing(undefined), list.reload())} />
    </>
  );
}

function VillageForm({ commune, village, onDone }: { commune: string; village?: Village; onDone: () => void }): VNode {
  const [name, setName] = useState(village?.name ?? '');
  const [kind, setKind] = useState<string>(village?.kind ?? 'thon');
  const [phone, setPhone] = useState(village?.contactPhone ?? '');
  const f = useFormRun();
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { name: name.trim(), kind: kind as Village['kind'], contactPhone: phone.trim() || null };
    const ok = await f.run(async () => {
      if (village) await updateVillage(commune, village.id, body);
      else await createVillage(commune, body);
    });
    if (ok) onDone();
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="village-form-h">
      <h2 id="village-form-h">{village ? ts('staff.villages.edit', { name: village.name }) : ts('staff.villages.add')}</h2>
      {f.errors.form && <Alert tone="error">{f.errors.form}</Alert>}
      <TextField id="village-name" label={ts('staff.villages.name')} value={name} onValue={setName} error={f.errors.name} required />
      <SelectField id="village-kind" label={ts('staff.villages.kind')} value={kind} onValue={setKind} options={kinds} error={f.errors.kind} required />
      <TextField id="village-phone" type="tel" label={ts('staff.villages.phone')} value={phone} onValue={setPhone} error={f.errors.contactPhone} />
      <Button type="submit" busy={f.busy}>{ts('staff.save')}</Button>
    </form>
  );
}
