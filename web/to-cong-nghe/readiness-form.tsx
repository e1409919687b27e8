import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { LocalPerson } from '../../src/shared/field/local-store';
import {
  readinessLabels, skillValues, smartphoneValues, supportNeedValues, vneidValues, type Readiness,
} from '../../src/shared/field/readiness';
import { pick } from '../lib/i18n';
import { Alert, Button, SelectField } from '../ui/components';
import { tf } from './i18n';
import { enqueue } from './store/field-store';
import { MultiChoice } from './ui';

type Tri = '' | 'yes' | 'no';
const toTri = (v: boolean | null): Tri => (v === null ? '' : v ? 'yes' : 'no');
const fromTri = (v: string): boolean | null => (v === '' ? null : v === 'yes');
const BOOLS = ['zalo', 'portalAccount', 'bankOrMobileMoney', 'fibreAtHome'] as const;

/**
 * The readiness of one adult as the issue lists it. Saving records a `person.update` command with, for each changed
 * field, the value the member started from: the server merges it field by field and sends a real conflict (two
 * members changed the same field) to the team leader (decision 0011 §5).
 */
export function readinessChanges(before: Readiness, after: Readiness) {
  return (Object.keys(after) as (keyof Readiness)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, from: before[k], to: after[k] }));
}

export function ReadinessForm(props: { person: LocalPerson; onDone: (saved: boolean) => void }): VNode {
  const start = props.person.readiness;
  const [r, setR] = useState<Readiness>(start);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = (k: string) => `${k}-${props.person.id}`;
  const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: pick(readinessLabels[v]) }));
  const yesNo = [{ value: 'yes', label: tf('field.yes') }, { value: 'no', label: tf('field.no') }];

  const save = async (e: Event) => {
    e.preventDefault();
    const changes = readinessChanges(start, r);
    if (changes.length === 0) return props.onDone(false);
    setBusy(true);
    try {
      await enqueue('person.update', { personId: props.person.id, changes });
      props.onDone(true);
    } catch (err) {
      setError(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate class="readiness-form">
      {error && <Alert tone="error">{error}</Alert>}
      <SelectField id={id('smartphone')} label={tf('field.r.smartphone')} value={r.smartphone ?? ''} options={opts(smartphoneValues)}
        onValue={(v) => setR({ ...r, smartphone: (v || null) as Readiness['smartphone'] })} />
      <SelectField id={id('vneid')} label={tf('field.r.vneid')} value={r.vneid ?? ''} options={opts(vneidValues)}
        onValue={(v) => setR({ ...r, vneid: (v || null) as Readiness['vneid'] })} />
      {BOOLS.map((k) => (
        <SelectField key={k} id={id(k)} label={tf(`field.r.${k === 'bankOrMobileMoney' ? 'bank' : k === 'fibreAtHome' ? 'fibre' : k}`)} value={toTri(r[k])} options={yesNo}
          onValue={(v) => setR({ ...r, [k]: fromTri(v) })} />
      ))}
      <SelectField id={id('skill')} label={tf('field.r.skill')} value={r.skill ?? ''} options={opts(skillValues)}
        onValue={(v) => setR({ ...r, skill: (v || null) as Readiness['skill'] })} />
      <MultiChoice name={id('needs')} legend={tf('field.r.needs')} choices={opts(supportNeedValues)} values={r.supportNeeds}
        onValues={(v) => setR({ ...r, supportNeeds: [...v].sort() as Readiness['supportNeeds'] })} />
      <div class="row">
        <Button type="submit" busy={busy}>{tf('field.household.saveReadiness')}</Button>
        <Button variant="secondary" onClick={() => props.onDone(false)}>{tf('field.cancel')}</Button>
      </div>
    </form>
  );
}
