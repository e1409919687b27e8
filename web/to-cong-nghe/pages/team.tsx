import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Alert, Button, Loading, SelectField } from '../../ui/components';
import { useLoad } from '../../citizen/use-load';
import { listConflicts, listTeamActs, resolveConflict, type Conflict } from '../api';
import { labelOf } from '../describe';
import { tf } from '../i18n';
import { useMember, type Member } from '../store/member';
import { NeedsNetwork } from '../ui';
import { ImportSection } from './import';
import { LeaderNav } from './leader-nav';

/**
 * The team leader's view (and the commune leader's): the team's support log with totals, edit conflicts to settle,
 * and village lists to import. Read from the server: it covers every member's phone, not only this one.
 */
export default function TeamPage(props: { section?: string }): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  if (!m.isLeader) return <><h1>{tf('field.team.title')}</h1><Alert tone="warn">{tf('field.team.leadersOnly')}</Alert></>;
  const section = props.section ?? '';
  return (
    <>
      <h1>{section === 'xung-dot' ? tf('field.team.conflicts') : section === 'nhap' ? tf('field.import.title') : tf('field.team.title')}</h1>
      <LeaderNav current={section} />
      <NeedsNetwork what={tf('field.team.title')} />
      {section === 'xung-dot' ? <Conflicts /> : section === 'nhap' ? <ImportSection m={m} /> : <TeamLog m={m} />}
    </>
  );
}

function TeamLog({ m }: { m: Member }): VNode {
  const [village, setVillage] = useState('');
  const online = m.field.sync.online;
  const acts = useLoad(() => listTeamActs({ villageId: village || undefined, limit: 100 }), [village, online]);
  return (
    <>
      {m.field.view.villages.length > 1 && (
        <SelectField id="log-village" label={tf('field.households.village')} value={village} onValue={setVillage} noOptionalMark
          options={m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} />
      )}
      {acts.error && <Alert tone="error">{acts.error.userMessage} <Button variant="secondary" onClick={acts.reload}>{tf('field.retry')}</Button></Alert>}
      {!acts.data && !acts.error && <Loading />}
      {acts.data && (
        <>
          <p data-testid="team-total"><strong>{tf('field.team.total', { n: acts.data.total })}</strong></p>
          <ul class="kind-totals">
            {Object.entries(acts.data.byKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => <li key={k}>{labelOf(k)}: <strong>{n}</strong></li>)}
          </ul>
          <h2>{tf('field.team.latest')}</h2>
          <ul class="rows" data-testid="team-acts">
            {acts.data.items.map((a) => (
              <li key={a.id} class="card">
                <strong>{a.kinds.map(labelOf).join(', ')}</strong>
                <span class="muted">{formatDateTime(a.occurredAt)} · {a.villageName} · {labelOf(a.place)} · {labelOf(a.outcome)} · {tf('field.log.minutes', { n: a.durationMinutes })}</span>
                <span>{tf('field.team.by', { member: a.memberName, who: a.personName ?? tf('field.log.walkIn') })}</span>
                {a.note && <span class="muted">{a.note}</span>}
                {a.dossierCode && <span>{tf('field.outbox.dossier')} <strong>{a.dossierCode}</strong></span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'boolean' ? (v ? tf('field.yes') : tf('field.no')) : Array.isArray(v) ? v.map((x) => labelOf(String(x))).join(', ') : labelOf(String(v)));

function Conflicts(): VNode {
  const list = useLoad(() => listConflicts(), []);
  const [done, setDone] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const resolve = async (c: Conflict, choice: 'kept' | 'other') => {
    setError(undefined);
    try {
      const r = await resolveConflict(c.id, choice);
      setDone((d) => ({ ...d, [c.id]: show(choice === 'kept' ? r.kept.value : r.other.value) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.userMessage : String(err));
    }
  };
  if (list.error) return <Alert tone="error">{list.error.userMessage}</Alert>;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <Alert tone="ok">{tf('field.team.noConflicts')}</Alert>;
  return (
    <>
      <p>{tf('field.team.conflictsHelp')}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <ul class="rows">
        {list.data.items.map((c) => (
          <li key={c.id} class="card">
            <strong>{tf('field.household.title', { name: c.headName })}</strong> · {c.entity === 'person' ? tf('field.team.person') : tf('field.team.household')}: {fieldName(c.field)}
            <dl class="facts">
              <dt>{tf('field.team.before')}</dt><dd>{show(c.baseValue)}</dd>
              <dt>{tf('field.team.kept', { by: c.kept.by ?? '' })}</dt><dd>{show(c.kept.value)}</dd>
              <dt>{tf('field.team.other', { by: c.other.by ?? '' })}</dt><dd>{show(c.other.value)}</dd>
            </dl>
            {done[c.id]
              ? <Alert tone="ok">{tf('field.team.resolved', { value: done[c.id]! })}</Alert>
              : (
                <div class="row">
                  <Button onClick={() => void resolve(c, 'kept')}>{tf('field.team.keep', { value: show(c.kept.value) })}</Button>
                  <Button variant="secondary" onClick={() => void resolve(c, 'other')}>{tf('field.team.takeOther', { value: show(c.other.value) })}</Button>
                </div>
              )}
          </li>
        ))}
      </ul>
    </>
  );
}

function fieldName(f: string): string {
  const key = `field.r.${f === 'bankOrMobileMoney' ? 'bank' : f === 'fibreAtHome' ? 'fibre' : f === 'supportNeeds' ? 'needs' : f}`;
  const text = tf(key as never);
  return text === key ? f : text;
}
