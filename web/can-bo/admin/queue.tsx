import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { getQueueConfig, saveQueueConfig, type QueueConfig } from '../../lib/api/queue';
import { getLang } from '../../lib/i18n';
import { Alert, Button, CheckboxField, Loading, TextField } from '../../ui/components';
import { ts } from '../i18n';
import { useLoad } from '../use-load';
import { useFormRun } from './form-state';
import { GroupsEditor, type GroupDraft } from './queue-groups';

type CounterDraft = { number: number; name: string; groupKeys: string[] };

/** Counters (quầy) of the one-stop office and the service groups each one calls. */
export default function QueueAdmin({ commune }: { commune: string }): VNode {
  const cfg = useLoad(() => getQueueConfig(commune), [commune]);
  return (
    <>
      <h1>{ts('staff.admin.quay')}</h1>
      {cfg.error && <Alert tone="error">{cfg.error.userMessage}</Alert>}
      {!cfg.data ? <Loading /> : <CountersEditor commune={commune} cfg={cfg.data} />}
      <p><a href={`/hang-doi/${commune}/lay-so`}>{ts('staff.queueAdmin.kiosk')}</a> · <a href={`/hang-doi/${commune}/man-hinh`}>{ts('staff.queueAdmin.display')}</a></p>
    </>
  );
}

function CountersEditor({ commune, cfg }: { commune: string; cfg: QueueConfig }): VNode {
  const [groups, setGroups] = useState<GroupDraft[]>(cfg.groups.map(({ key, name, nameEn, letter }) => ({ key, name, nameEn, letter })));
  const [counters, setCounters] = useState<CounterDraft[]>(cfg.counters.map(({ number, name, groupKeys }) => ({ number, name, groupKeys })));
  const f = useFormRun();
  const en = getLang() === 'en';
  const update = (i: number, patch: Partial<CounterDraft>) => setCounters(counters.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const save = (e: Event) => {
    e.preventDefault();
    void f.run(async () => {
      await saveQueueConfig(commune, { groups, counters });
      return ts('staff.saved');
    });
  };
  const nextNumber = Math.max(0, ...counters.map((c) => c.number)) + 1;
  return (
    <form onSubmit={save} noValidate>
      {f.errors.form && <Alert tone="error">{f.errors.form}</Alert>}
      {f.done && <Alert tone="ok">{f.done}</Alert>}
      <GroupsEditor groups={groups} onChange={(next) => {
        // A removed group is no longer called by any counter.
        const keys = new Set(next.map((g) => g.key));
        setGroups(next);
        setCounters(counters.map((c) => ({ ...c, groupKeys: c.groupKeys.filter((k) => keys.has(k)) })));
      }} />
      {counters.map((c, i) => (
        <fieldset key={c.number} class="card">
          <legend class="label">{ts('staff.queueAdmin.counter', { n: c.number })}</legend>
          <TextField id={`counter-${c.number}-name`} label={ts('staff.queueAdmin.name')} value={c.name} onValue={(v) => update(i, { name: v })} required />
          {groups.map((g) => (
            <CheckboxField key={g.key} id={`counter-${c.number}-${g.key}`} label={`${g.letter} · ${en ? g.nameEn : g.name}`} checked={c.groupKeys.includes(g.key)}
              onValue={(v) => update(i, { groupKeys: v ? [...c.groupKeys, g.key] : c.groupKeys.filter((k) => k !== g.key) })} />
          ))}
          <Button variant="ghost" onClick={() => setCounters(counters.filter((_, j) => j !== i))}>{ts('staff.queueAdmin.remove', { n: c.number })}</Button>
        </fieldset>
      ))}
      <div class="row">
        <Button variant="secondary" onClick={() => setCounters([...counters, { number: nextNumber, name: `Quầy ${nextNumber}`, groupKeys: groups[0] ? [groups[0].key] : [] }])}>{ts('staff.queueAdmin.add')}</Button>
        <Button type="submit" busy={f.busy}>{ts('staff.save')}</Button>
      </div>
    </form>
  );
}
