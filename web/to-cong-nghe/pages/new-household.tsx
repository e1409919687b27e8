import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { findLocalDuplicates } from '../../../src/shared/field/local-queries';
import type { LocalHousehold } from '../../../src/shared/field/local-store';
import type { OutboxItem } from '../../../src/shared/field/outbox';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { tf } from '../i18n';
import { enqueue, enqueueCorrection, newId } from '../store/field-store';
import { useMember, type Member } from '../store/member';
import { ChoiceGroup } from '../ui';

interface Person { id: string; fullName: string; birthYear: string; relation: string; phone: string }
interface Draft { villageId: string; address: string; head: Person; smartphone: string; portal: string; others: Person[] }
type Payload = { villageId: string; address?: string | null; members: { id: string; fullName: string; birthYear?: number | null; relation?: string | null; phone?: string | null; isHead?: boolean; smartphone?: string | null; portalAccount?: boolean | null }[] };

const blank = (): Person => ({ id: newId(), fullName: '', birthYear: '', relation: '', phone: '' });

function fromPayload(p: Payload): Draft {
  const toPerson = (m: Payload['members'][number]): Person => ({ id: m.id, fullName: m.fullName, birthYear: m.birthYear ? String(m.birthYear) : '', relation: m.relation ?? '', phone: m.phone ?? '' });
  const head = p.members.find((m) => m.isHead) ?? p.members[0]!;
  return {
    villageId: p.villageId, address: p.address ?? '', head: toPerson(head), smartphone: head.smartphone ?? '',
    portal: head.portalAccount === null || head.portalAccount === undefined ? '' : head.portalAccount ? 'yes' : 'no', others: p.members.filter((m) => m !== head).map(toPerson),
  };
}

/**
 * A household found at the door. Before saving, the phone warns when the village already has a household with the
 * same head's name (diacritics ignored, the server's rule); the member checks, then saves anyway or opens it.
 */
export function NewHouseholdPage(props: { village: string; fix?: string }): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  const fixing = props.fix ? m.field.outbox.find((i) => i.commandId === props.fix && i.state === 'needs_attention') : undefined;
  return <NewHouseholdForm m={m} village={props.village} fixing={fixing} />;
}

function NewHouseholdForm({ m, village, fixing }: { m: Member; village: string; fixing?: OutboxItem }): VNode {
  const villages = m.field.view.villages;
  const [d, setD] = useState<Draft>(() => (fixing ? fromPayload(fixing.payload as Payload) : {
    villageId: village || (villages.length === 1 ? villages[0]!.id : ''), address: '', head: blank(), smartphone: '', portal: '', others: [],
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<LocalHousehold[]>();
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<Draft>) => (setD((x) => ({ ...x, ...p })), setDuplicates(undefined));
  const setPerson = (i: number, p: Partial<Person>) => patch({ others: d.others.map((x, j) => (j === i ? { ...x, ...p } : x)) });

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!d.villageId) e.village = tf('field.log.villageMissing');
    [d.head, ...d.others].forEach((p, i) => {
      const k = i === 0 ? 'head' : `p${i}`;
      if (p.fullName.trim().length < 2) e[`${k}.name`] = tf('field.new.nameMissing');
      if (p.birthYear && !/^(19|20)\d\d$/.test(p.birthYear)) e[`${k}.year`] = tf('field.new.yearInvalid');
      if (p.phone && !normalizeVietnamesePhone(p.phone)) e[`${k}.phone`] = tf('field.new.phoneInvalid');
    });
    return e;
  };

  const save = async (acknowledged: boolean) => {
    const e = check();
    setErrors(e);
    if (Object.keys(e).length) return;
    const same = findLocalDuplicates(m.field.view, d.villageId, d.head.fullName);
    const serverSaidDuplicate = fixing?.reason?.code === 'DUPLICATE_HOUSEHOLD';
    if ((same.length || serverSaidDuplicate) && !acknowledged) return setDuplicates(same);
    const member = (p: Person, isHead: boolean) => ({
      id: p.id, fullName: p.fullName.trim(), isHead, birthYear: p.birthYear ? Number(p.birthYear) : null, relation: p.relation.trim() || (isHead ? 'Chủ hộ' : null),
      phone: p.phone ? normalizeVietnamesePhone(p.phone)! : null,
      ...(isHead ? { smartphone: d.smartphone || null, portalAccount: d.portal ? d.portal === 'yes' : null } : {}),
    });
    const id = fixing ? String((fixing.payload as { id: string }).id) : newId();
    const payload = {
      id, villageId: d.villageId, address: d.address.trim() || null, acknowledgeDuplicate: acknowledged,
      members: [member(d.head, true), ...d.others.map((p) => member(p, false))],
    };
    setBusy(true);
    try {
      if (fixing) await enqueueCorrection(fixing, payload);
      else await enqueue('household.create', payload);
      navigate(`/to-cong-nghe/ho/${id}`, { replace: true });
    } finally {
      setBusy(false);
    }
  };

  const personFields = (p: Person, k: string, onP: (x: Partial<Person>) => void, title: string) => (
    <fieldset class="card">
      <legend>{title}</legend>
      <TextField id={`${k}-name`} label={tf('field.new.name')} value={p.fullName} onValue={(v) => onP({ fullName: v })} error={errors[`${k}.name`]} required autoComplete="off" />
      <TextField id={`${k}-year`} label={tf('field.new.birthYear')} inputMode="numeric" maxLength={4} value={p.birthYear} onValue={(v) => onP({ birthYear: v })} error={errors[`${k}.year`]} />
      {k !== 'head' && <TextField id={`${k}-relation`} label={tf('field.new.relation')} value={p.relation} onValue={(v) => onP({ relation: v })} />}
      <TextField id={`${k}-phone`} type="tel" inputMode="tel" label={tf('field.new.phone')} value={p.phone} onValue={(v) => onP({ phone: v })} error={errors[`${k}.phone`]} autoComplete="off" />
    </fieldset>
  );

  return (
    <form onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate>
      <h1>{tf('field.new.title')}</h1>
      {fixing?.reason && <Alert tone="warn">{tf('field.new.serverSaid')} {fixing.reason.vi}</Alert>}
      {Object.keys(errors).length > 0 && <Alert tone="error">{tf('field.log.fix')}</Alert>}
      {villages.length > 1 && (
        <SelectField id="new-village" label={tf('field.households.village')} value={d.villageId} onValue={(v) => patch({ villageId: v })} required error={errors.village}
          options={villages.map((v) => ({ value: v.id, label: v.name }))} />
      )}
      <TextField id="new-address" label={tf('field.new.address')} value={d.address} onValue={(v) => patch({ address: v })} />
      {personFields(d.head, 'head', (x) => patch({ head: { ...d.head, ...x } }), tf('field.new.head'))}
      <ChoiceGroup name="smartphone" legend={tf('field.r.smartphone')} value={d.smartphone} onValue={(v) => patch({ smartphone: v })} cols={1}
        choices={[{ value: 'yes', label: tf('field.new.smartYes') }, { value: 'basic_phone', label: tf('field.new.smartBasic') }, { value: 'no', label: tf('field.new.smartNo') }]} />
      <ChoiceGroup name="portal" legend={tf('field.r.portalAccount')} value={d.portal} onValue={(v) => patch({ portal: v })}
        choices={[{ value: 'yes', label: tf('field.yes') }, { value: 'no', label: tf('field.no') }]} />
      {d.others.map((p, i) => personFields(p, `p${i + 1}`, (x) => setPerson(i, x), tf('field.new.member', { n: i + 2 })))}
      <p><Button variant="secondary" onClick={() => patch({ others: [...d.others, blank()] })}>{tf('field.new.addMember')}</Button></p>
      {duplicates && (
        <Alert tone="warn">
          <p><strong>{tf('field.new.duplicateTitle')}</strong></p>
          <ul>{duplicates.map((h) => <li key={h.id}><Link href={`/to-cong-nghe/ho/${h.id}`}>{h.headName}{h.address ? `, ${h.address}` : ''}</Link></li>)}</ul>
          <p>{tf('field.new.duplicateHelp')}</p>
          <Button variant="danger" onClick={() => void save(true)}>{tf('field.new.saveAnyway')}</Button>
        </Alert>
      )}
      {!duplicates && <Button type="submit" block busy={busy}>{tf('field.new.save')}</Button>}
    </form>
  );
}
