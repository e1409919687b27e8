import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { getDaysOff, resetSchedule, saveSchedule, type DaysOff } from '../../lib/api/commune-admin';
import { formatDate } from '../../lib/format';
import { getLang } from '../../lib/i18n';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { ts } from '../i18n';
import { useLoad } from '../use-load';
import { useFormRun } from './form-state';

const thisYear = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));

/**
 * The year's days off and make-up working days as the commune keeps them (the government's schedule, corrected
 * locally when the province moves a day). Deadlines are counted on this calendar.
 */
export default function CalendarAdmin({ commune }: { commune: string }): VNode {
  const [year, setYear] = useState(thisYear);
  const cal = useLoad(() => getDaysOff(year, commune), [year, commune]);
  return (
    <>
      <h1>{ts('staff.admin.lich-nghi')}</h1>
      <SelectField id="cal-year" label={ts('staff.calendar.year')} value={String(year)} onValue={(v) => v && setYear(Number(v))} required
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))} />
      {cal.error && <Alert tone="error">{cal.error.userMessage}</Alert>}
      {!cal.data ? <Loading /> : <YearEditor key={`${year}-${cal.data.daysOff.length}-${cal.data.source}`} commune={commune} cal={cal.data} onSaved={cal.reload} />}
    </>
  );
}

function YearEditor({ commune, cal, onSaved }: { commune: string; cal: DaysOff; onSaved: () => void }): VNode {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState(cal.source);
  const f = useFormRun();
  const en = getLang() === 'en';
  const save = (daysOff: DaysOff['daysOff']) => f.run(async () => {
    await saveSchedule(commune, { year: cal.year, daysOff, workingDays: cal.makeUpWorkingDays, source: source.trim() || cal.source });
    onSaved();
  });
  const add = async (e: Event) => {
    e.preventDefault();
    if (!date || !reason.trim()) return f.setErrors({ ...(date ? {} : { date: ts('staff.action.dateRequired') }), ...(reason.trim() ? {} : { reason: ts('staff.calendar.reasonRequired') }) });
    const ok = await save([...cal.daysOff, { date, reasonVi: reason.trim(), reasonEn: reason.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    if (ok) (setDate(''), setReason(''));
  };
  return (
    <>
      <p class="muted">{ts('staff.calendar.source', { source: cal.source })}</p>
      {f.errors.form && <Alert tone="error">{f.errors.form}</Alert>}
      <h2>{ts('staff.calendar.daysOff', { n: cal.daysOff.length })}</h2>
      <ul class="list-plain">
        {cal.daysOff.map((d) => (
          <li key={d.date} class="row">
            <span><strong>{formatDate(`${d.date}T05:00:00Z`)}</strong> · {en ? d.reasonEn : d.reasonVi}</span>
            <Button variant="ghost" aria-label={ts('staff.removeNamed', { name: formatDate(`${d.date}T05:00:00Z`) })} onClick={() => void save(cal.daysOff.filter((x) => x.date !== d.date))}>{ts('staff.remove')}</Button>
          </li>
        ))}
      </ul>
      {cal.makeUpWorkingDays.length > 0 && (
        <>
          <h2>{ts('staff.calendar.makeUp')}</h2>
          <ul class="list-plain">{cal.makeUpWorkingDays.map((d) => <li key={d.date}><strong>{formatDate(`${d.date}T05:00:00Z`)}</strong> · {en ? d.reasonEn : d.reasonVi}</li>)}</ul>
        </>
      )}
      <form class="card" onSubmit={add} noValidate aria-labelledby="add-day-h">
        <h2 id="add-day-h">{ts('staff.calendar.add')}</h2>
        <TextField id="day-date" type="date" label={ts('staff.calendar.date')} value={date} onValue={setDate} error={f.errors.date} required />
        <TextField id="day-reason" label={ts('staff.calendar.reason')} value={reason} onValue={setReason} error={f.errors.reason} required />
        <TextField id="day-source" label={ts('staff.calendar.basis')} help={ts('staff.calendar.basisHelp')} value={source} onValue={setSource} error={f.errors.source} required />
        <Button type="submit" busy={f.busy}>{ts('staff.calendar.addButton')}</Button>
      </form>
      <Button variant="secondary" onClick={() => void f.run(async () => { await resetSchedule(commune, cal.year); onSaved(); })}>{ts('staff.calendar.reset')}</Button>
    </>
  );
}
