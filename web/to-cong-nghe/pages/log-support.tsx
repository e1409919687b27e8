import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { searchPeople } from '../../../src/shared/field/local-queries';
import type { OutboxItem } from '../../../src/shared/field/outbox';
import { useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading, SelectField, TextAreaField, TextField } from '../../ui/components';
import { kindChoices, labelOf, outcomeChoices, placeChoices } from '../describe';
import { tf } from '../i18n';
import { enqueue, enqueueCorrection, newId } from '../store/field-store';
import { useMember, villageName, type Member } from '../store/member';
import { ChoiceGroup, MultiChoice } from '../ui';

/**
 * Logging one act of support in under 30 seconds (issue 4): where, for whom, what, outcome, how long — big buttons,
 * with the last place, village and duration remembered on the phone. Saved in the outbox at once, online or not.
 */
const PREFS = 'xaso.field.logPrefs';
const DURATIONS = ['5', '10', '15', '30', '60'];
interface Prefs { place: string; villageId: string; duration: string }

function readPrefs(): Partial<Prefs> {
  try {
    return JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Partial<Prefs>;
  } catch {
    return {};
  }
}

interface Draft { place: string; who: 'person' | 'walk_in'; personId: string; villageId: string; kinds: string[]; outcome: string; duration: string; note: string }
type ActPayload = { place: string; personId?: string; villageId?: string; kinds: string[]; outcome: string; durationMinutes: number; note?: string };

function initialDraft(m: Member, personId?: string, fix?: ActPayload): Draft {
  const prefs = readPrefs();
  const villages = m.field.view.villages;
  const villageId = villages.some((v) => v.id === prefs.villageId) ? prefs.villageId! : (villages[0]?.id ?? '');
  if (fix) {
    return {
      place: fix.place, who: fix.personId ? 'person' : 'walk_in', personId: fix.personId ?? '', villageId: fix.villageId ?? villageId, kinds: fix.kinds,
      outcome: fix.outcome, duration: String(fix.durationMinutes), note: fix.note ?? '',
    };
  }
  return {
    place: prefs.place ?? 'door_to_door', who: personId ? 'person' : 'walk_in', personId: personId ?? '', villageId, kinds: [], outcome: 'done',
    duration: prefs.duration ?? '10', note: '',
  };
}

export function LogSupportPage(props: { personId?: string; fix?: string }): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  const fixing = props.fix ? m.field.outbox.find((i) => i.commandId === props.fix && i.state === 'needs_attention') : undefined;
  return <LogForm key={`${props.personId ?? ''}${props.fix ?? ''}`} m={m} personId={props.personId} fixing={fixing} />;
}

function LogForm({ m, personId, fixing }: { m: Member; personId?: string; fixing?: OutboxItem }): VNode {
  const [d, setD] = useState<Draft>(() => initialDraft(m, personId, fixing?.payload as ActPayload | undefined));
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number>(0);
  const [busy, setBusy] = useState(false);
  const view = m.field.view;
  const person = d.personId ? view.people[d.personId] : undefined;
  const found = useMemo(() => searchPeople(view, query, 8), [view, query]);
  const patch = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));

  const save = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (d.kinds.length === 0) problems.kinds = tf('field.log.kindsMissing');
    if (d.who === 'person' && !person) problems.person = tf('field.log.personMissing');
    if (d.who === 'walk_in' && !d.villageId) problems.village = tf('field.log.villageMissing');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const payload = {
      id: newId(), place: d.place, kinds: d.kinds, outcome: d.outcome, durationMinutes: Number(d.duration),
      ...(d.who === 'person' ? { personId: person!.id } : { villageId: d.villageId }), ...(d.note.trim() ? { note: d.note.trim() } : {}),
    };
    setBusy(true);
    try {
      if (fixing) await enqueueCorrection(fixing, payload);
      else await enqueue('support_act.log', payload);
      localStorage.setItem(PREFS, JSON.stringify({ place: d.place, villageId: d.villageId, duration: d.duration }));
      setSaved((n) => n + 1);
      // Ready for the next person at the same place: keep where, village and duration.
      setD((x) => ({ ...x, kinds: [], outcome: 'done', note: '', personId: '', who: x.who }));
      setQuery('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <h1>{fixing ? tf('field.log.fixTitle') : tf('field.log.title')}</h1>
      {saved > 0 && (
        <Alert tone="ok">
          {m.field.sync.online ? tf('field.log.saved', { n: saved }) : tf('field.log.savedOffline', { n: saved })}{' '}
          <Link href="/to-cong-nghe/hang-cho">{tf('field.nav.outbox')}</Link>
        </Alert>
      )}
      {Object.keys(errors).length > 0 && <Alert tone="error">{tf('field.log.fix')}</Alert>}
      <ChoiceGroup name="place" legend={tf('field.log.where')} choices={placeChoices()} value={d.place} onValue={(v) => patch({ place: v })} />
      <ChoiceGroup name="who" legend={tf('field.log.forWhom')} value={d.who} onValue={(v) => patch({ who: v as Draft['who'] })}
        choices={[{ value: 'person', label: tf('field.log.member') }, { value: 'walk_in', label: tf('field.log.walkIn') }]} />
      {d.who === 'person' && (person
        ? <p class="picked">{person.fullName} · {villageName(m.field, person.villageId)} <Button variant="ghost" onClick={() => patch({ personId: '' })}>{tf('field.log.change')}</Button></p>
        : (
          <div class={errors.person ? 'field-invalid' : ''}>
            <TextField id="person-q" type="search" label={tf('field.log.findPerson')} help={tf('field.households.searchHelp')} value={query} onValue={setQuery}
              autoComplete="off" noOptionalMark error={errors.person} />
            <ul class="pick-list">
              {found.map((p) => (
                <li key={p.id}><Button variant="secondary" block onClick={() => patch({ personId: p.id })}>{p.fullName} · {p.birthYear ?? ''} · {villageName(m.field, p.villageId)}</Button></li>
              ))}
            </ul>
          </div>
        ))}
      {d.who === 'walk_in' && m.field.view.villages.length > 1 && (
        <SelectField id="log-village" label={tf('field.log.village')} value={d.villageId} onValue={(v) => patch({ villageId: v })} required error={errors.village}
          options={m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} />
      )}
      <MultiChoice name="kinds" legend={tf('field.log.what')} help={tf('field.log.whatHelp')} choices={kindChoices()} values={d.kinds} onValues={(v) => patch({ kinds: v })} error={errors.kinds} />
      <ChoiceGroup name="outcome" legend={tf('field.log.outcome')} choices={outcomeChoices()} value={d.outcome} onValue={(v) => patch({ outcome: v })} cols={1} />
      <ChoiceGroup name="duration" legend={tf('field.log.duration')} value={d.duration} onValue={(v) => patch({ duration: v })}
        choices={DURATIONS.map((n) => ({ value: n, label: tf('field.log.minutes', { n }) }))} />
      <TextAreaField id="log-note" label={tf('field.log.note')} value={d.note} onValue={(v) => patch({ note: v })} maxLength={1000} />
      <Button type="submit" block busy={busy}>{tf('field.log.save')}</Button>
      {d.kinds.includes('dossier_submitted_online') && (
        <p class="help">{tf('field.log.assistHint')} <Link href={`/to-cong-nghe/nop-ho-so${person ? `?nguoi=${person.id}` : ''}`}>{labelOf('dossier_submitted_online')}</Link></p>
      )}
    </form>
  );
}
