import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { communeRoles, createStaff, listStaff, resetStaffPassword, setStaffActive, updateStaff, type StaffAccount } from '../../lib/api/staff-accounts';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { ts, type StaffKey } from '../i18n';
import { useLoad } from '../use-load';
import { useFormRun } from './form-state';

const roleLabel = (r: string) => ts(`staff.role.${r}` as StaffKey);
const roles = communeRoles.map((r) => ({ value: r, label: roleLabel(r) }));

/** Staff accounts and roles of the commune: create, change role, reset password, lock; every change is audited. */
export default function StaffAdmin({ commune }: { commune: string }): VNode {
  const list = useLoad(() => listStaff(commune), [commune]);
  const [secret, setSecret] = useState<{ username: string; password: string }>();
  const act = useFormRun();
  const change = (fn: () => Promise<unknown>) => void act.run(async () => { await fn(); list.reload(); });
  return (
    <>
      <h1>{ts('staff.admin.tai-khoan')}</h1>
      {secret && <Alert tone="warn">{ts('staff.accounts.secret', { username: secret.username })} <span class="secret" data-testid="temp-password">{secret.password}</span></Alert>}
      {act.errors.form && <Alert tone="error">{act.errors.form}</Alert>}
      {list.error && <Alert tone="error">{list.error.userMessage}</Alert>}
      {!list.data ? <Loading /> : (
        <div class="table-wrap">
          <table class="grid stack">
            <caption class="visually-hidden">{ts('staff.admin.tai-khoan')}</caption>
            <thead><tr><th scope="col">{ts('staff.accounts.person')}</th><th scope="col">{ts('staff.accounts.role')}</th><th scope="col">{ts('staff.accounts.state')}</th><th scope="col">{ts('staff.actions')}</th></tr></thead>
            <tbody>{list.data.items.map((s) => <StaffRow key={s.id} s={s} commune={commune} change={change} onSecret={setSecret} />)}</tbody>
          </table>
        </div>
      )}
      <NewStaff commune={commune} onCreated={(username, password) => (password && setSecret({ username, password }), list.reload())} />
    </>
  );
}

function StaffRow({ s, commune, change, onSecret }: { s: StaffAccount; commune: string; change: (fn: () => Promise<unknown>) => void; onSecret: (x: { username: string; password: string }) => void }): VNode {
  return (
    <tr>
      <th scope="row">{s.fullName}<br /><span class="muted">{s.username}{s.phone ? ` · ${s.phone}` : ''}</span></th>
      <td data-label={ts('staff.accounts.role')}>
        <label class="visually-hidden" for={`role-${s.id}`}>{ts('staff.accounts.roleOf', { name: s.fullName })}</label>
        <select id={`role-${s.id}`} class="input" value={s.role} onChange={(e) => change(() => updateStaff(commune, s.id, { role: (e.currentTarget as HTMLSelectElement).value as StaffAccount['role'] & typeof communeRoles[number] }))}>
          {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </td>
      <td data-label={ts('staff.accounts.state')}>{s.active ? <span class="badge badge-ok">{ts('staff.accounts.active')}</span> : <span class="badge badge-danger">{ts('staff.accounts.locked')}</span>}</td>
      <td data-label={ts('staff.actions')}><div class="row">
        <Button variant="secondary" aria-label={ts('staff.accounts.resetOf', { name: s.fullName })}
          onClick={() => change(async () => onSecret({ username: s.username, password: (await resetStaffPassword(commune, s.id)).temporaryPassword! }))}>{ts('staff.accounts.reset')}</Button>
        <Button variant={s.active ? 'danger' : 'secondary'} aria-label={ts(s.active ? 'staff.accounts.lockOf' : 'staff.accounts.unlockOf', { name: s.fullName })}
          onClick={() => change(() => setStaffActive(commune, s.id, !s.active))}>{s.active ? ts('staff.accounts.lock') : ts('staff.accounts.unlock')}</Button>
      </div></td>
    </tr>
  );
}

function NewStaff({ commune, onCreated }: { commune: string; onCreated: (username: string, password?: string) => void }): VNode {
  const [v, setV] = useState({ username: '', fullName: '', role: 'officer', phone: '' });
  const f = useFormRun();
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    await f.run(async () => {
      const res = await createStaff(commune, { username: v.username, fullName: v.fullName, role: v.role as typeof communeRoles[number], ...(v.phone.trim() ? { phone: v.phone.trim() } : {}) });
      setV({ username: '', fullName: '', role: 'officer', phone: '' });
      onCreated(res.account.username, res.temporaryPassword);
    });
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-staff-h">
      <h2 id="new-staff-h">{ts('staff.accounts.add')}</h2>
      {f.errors.form && <Alert tone="error">{f.errors.form}</Alert>}
      <TextField id="staff-fullName" label={ts('staff.dossier.name')} value={v.fullName} onValue={set('fullName')} error={f.errors.fullName} required />
      <TextField id="staff-username" label={ts('staff.signIn.username')} help={ts('staff.accounts.usernameHelp')} value={v.username} onValue={set('username')} error={f.errors.username} required autoComplete="off" />
      <SelectField id="staff-role" label={ts('staff.accounts.role')} value={v.role} onValue={set('role')} options={roles} error={f.errors.role} required />
      <TextField id="staff-phone" type="tel" label={ts('staff.dossier.phone')} value={v.phone} onValue={set('phone')} error={f.errors.phone} />
      <Button type="submit" busy={f.busy}>{ts('staff.accounts.create')}</Button>
    </form>
  );
}
