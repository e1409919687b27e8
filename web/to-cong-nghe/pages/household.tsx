import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { membersOf } from '../../../src/shared/field/local-queries';
import type { LocalPerson } from '../../../src/shared/field/local-store';
import { isElderly } from '../../../src/shared/field/readiness';
import { ApiError } from '../../lib/api/client';
import { useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { revealPerson } from '../api';
import { tf } from '../i18n';
import { ReadinessForm } from '../readiness-form';
import { useMember, villageName, type Member } from '../store/member';
import { ReadinessList } from '../ui';

/** One household: its people and their readiness, editable offline (each edit is a command with the value it started from). */
export function HouseholdPage(props: { id: string }): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  const h = m.field.view.households[props.id];
  if (!h) {
    return (
      <>
        <h1>{tf('field.household.missing')}</h1>
        <p>{tf('field.household.missingHelp')}</p>
        <p><Link href="/to-cong-nghe/ho">{tf('field.nav.households')}</Link></p>
      </>
    );
  }
  const members = membersOf(m.field.view, h.id);
  return (
    <>
      <h1>{tf('field.household.title', { name: h.headName })}</h1>
      <p class="muted">{[villageName(m.field, h.villageId), h.address].filter(Boolean).join(' · ')}</p>
      {h.notes && <p>{h.notes}</p>}
      <ul class="rows">
        {members.map((p) => <PersonCard key={p.id} p={p} m={m} />)}
      </ul>
      <p><Link href={`/to-cong-nghe/ho?thon=${h.villageId}`}>{tf('field.household.back')}</Link></p>
    </>
  );
}

function PersonCard({ p, m }: { p: LocalPerson; m: Member }): VNode {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [revealed, setRevealed] = useState<{ phone: string | null; idNumber: string | null }>();
  const [error, setError] = useState<string>();
  const pending = m.field.outbox.some((i) => i.state === 'pending' && (i.payload as { personId?: string })?.personId === p.id);
  const age = p.birthYear ? m.year - p.birthYear : undefined;
  const reveal = async () => {
    setError(undefined);
    try {
      setRevealed(await revealPerson(p.id));
    } catch (err) {
      setError(err instanceof ApiError && err.isNetwork ? tf('field.needsNetwork', { what: tf('field.household.reveal') }) : err instanceof ApiError ? err.userMessage : String(err));
    }
  };
  const headingId = `person-${p.id}`;
  return (
    <li class="card">
      <h2 id={headingId} class="h3">{p.fullName}</h2>
      <p class="muted">
        {[p.relation, age !== undefined ? tf('field.household.age', { n: age }) : '', isElderly({ birthYear: p.birthYear, supportNeeds: p.readiness.supportNeeds }, m.year) ? tf('field.households.elderly') : '']
          .filter(Boolean).join(' · ')}
      </p>
      <p>
        {tf('field.household.phone')}: <span class="masked">{revealed ? (revealed.phone ?? '—') : (p.phone ?? '—')}</span>
        {!revealed && p.phone && p.phone.includes('*') && <> <Button variant="ghost" onClick={() => void reveal()}>{tf('field.household.reveal')}</Button></>}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {pending && <p><span class="badge badge-warn">{tf('field.household.pendingEdit')}</span></p>}
      {saved && !editing && <Alert tone="ok">{m.field.sync.online ? tf('field.household.saved') : tf('field.household.savedOffline')}</Alert>}
      {editing
        ? <ReadinessForm person={p} onDone={(didSave) => (setEditing(false), setSaved(didSave))} />
        : <ReadinessList r={p.readiness} />}
      {!editing && (
        <div class="row">
          <Button variant="secondary" onClick={() => (setEditing(true), setSaved(false))}>{tf('field.household.edit')}</Button>
          <Link class="btn" href={`/to-cong-nghe/ghi?nguoi=${p.id}`}>{tf('field.household.log')}</Link>
          {/* Only team members file for a citizen (assisted submission is a volunteer's act, decision 0011 §7). */}
          {m.me.role === 'volunteer' && <Link class="btn btn-secondary" href={`/to-cong-nghe/nop-ho-so?nguoi=${p.id}`}>{tf('field.household.assist')}</Link>}
        </div>
      )}
    </li>
  );
}
