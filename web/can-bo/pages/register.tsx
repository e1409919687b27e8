import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { registerUrl } from '../../lib/api/slips';
import { useLang } from '../../lib/i18n';
import { Alert, Loading, TextField } from '../../ui/components';
import { ts } from '../i18n';
import { useStaff } from '../session';

const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Sổ theo dõi hồ sơ (Mẫu 06): every dossier received in a period, printed on A4. */
export default function RegisterPage(): VNode {
  useLang();
  const staff = useStaff();
  const today = localToday();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  if (staff === undefined) return <Loading />;
  if (!staff?.communeCode) return <><h1>{ts('staff.register.title')}</h1><Alert tone="warn">{ts('staff.intake.noCommune')}</Alert></>;
  const wrong = !from || !to || from > to;
  return (
    <>
      <h1>{ts('staff.register.title')}</h1>
      <p>{ts('staff.register.intro')}</p>
      <TextField id="reg-from" type="date" label={ts('staff.register.from')} value={from} onValue={setFrom} required />
      <TextField id="reg-to" type="date" label={ts('staff.register.to')} value={to} onValue={setTo} required error={wrong && from && to ? ts('staff.register.order') : undefined} />
      {!wrong && <a class="btn btn-block" href={registerUrl(staff.communeCode, from, to)} target="_blank" rel="noopener">{ts('staff.register.print')}</a>}
    </>
  );
}
