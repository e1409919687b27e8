import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { answersOf, validateApplicant, validateStep } from '../../citizen/wizard/steps';
import { FieldInput } from '../../citizen/wizard/field-input';
import { useLoad } from '../../citizen/use-load';
import type { EffectiveProcedure } from '../../lib/api/procedures';
import type { Draft } from '../../lib/draft-store';
import { useLang } from '../../lib/i18n';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { ConsentStep } from '../assist/consent-step';
import { AssistResult } from '../assist/result';
import { loadCommuneName, loadProcedure, loadProcedures } from '../assist/procedures';
import { placeChoices } from '../describe';
import { tf } from '../i18n';
import { enqueue } from '../store/field-store';
import { useMember, type Member } from '../store/member';
import { syncNow } from '../store/sync-engine';
import { ChoiceGroup } from '../ui';

type Step = 'who' | 'form' | 'consent' | 'done';

/**
 * Assisted submission from the support log (issue 4): who and which procedure, the procedure's form (the citizen
 * wizard's own inputs), the citizen's consent, then the dossier is filed as theirs, online and assisted. With a code
 * it needs a network; with a signature it can be prepared offline and is filed when the outbox is sent.
 */
export default function AssistPage(props: { personId?: string }): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  return <Assist m={m} personId={props.personId} />;
}

function Assist({ m, personId }: { m: Member; personId?: string }): VNode {
  const person = personId ? m.field.view.people[personId] : undefined;
  const commune = m.me.communeCode;
  const procedures = useLoad(() => loadProcedures(commune), [commune]);
  const communeName = useLoad(() => loadCommuneName(commune), [commune]);
  const [step, setStep] = useState<Step>('who');
  const [code, setCode] = useState('');
  const [place, setPlace] = useState(person ? 'door_to_door' : 'it_point');
  const [villageId, setVillageId] = useState(person?.villageId ?? m.field.view.villages[0]?.id ?? '');
  const [draft, setDraft] = useState<Draft>(() => ({
    procedureCode: '', idempotencyKey: '', step: 0, applicant: { fullName: person?.fullName ?? '', idNumber: '', phone: '', address: '' }, values: {}, files: {}, updatedAt: '',
  }));
  const procedure = useLoad(async () => (code ? loadProcedure(commune, code) : undefined), [code]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [commandId, setCommandId] = useState<string>();
  const setApplicant = (k: keyof Draft['applicant'], v: string) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, [k]: v } }));
  const p = procedure.data;

  const next = (e: Event) => {
    e.preventDefault();
    if (step === 'who') {
      const problems = validateApplicant(draft.applicant);
      if (!code) problems.procedure = tf('field.assist.procedureMissing');
      if (!person && !villageId) problems.village = tf('field.log.villageMissing');
      setErrors(problems);
      if (Object.keys(problems).length === 0 && p) setStep('form');
      return;
    }
    const problems = validateStep({ kind: 'fields', title: '', fields: p!.form.fields }, draft);
    for (const f of p!.form.fields) if (f.type === 'file' && (draft.files[f.key] ?? []).some((x) => !x.id)) problems[f.key] = tf('field.assist.filesPending');
    setErrors(problems);
    if (Object.keys(problems).length === 0) setStep('consent');
  };

  const submit = async (consentId: string, proc: EffectiveProcedure) => {
    const a = draft.applicant;
    const id = await enqueue('dossier.assist', {
      consentId, place, durationMinutes: 20,
      dossier: {
        procedureCode: proc.code, fields: answersOf(proc.form.fields, draft),
        applicant: { fullName: a.fullName.trim(), idNumber: a.idNumber.trim(), phone: normalizeVietnamesePhone(a.phone)!, ...(a.address.trim() ? { address: a.address.trim() } : {}) },
        ...(person ? {} : { villageId }),
      },
    });
    setCommandId(id);
    setStep('done');
    await syncNow({ force: true });
  };

  if (step === 'done' && commandId) return <AssistResult m={m} commandId={commandId} />;
  const stepNo = { who: 1, form: 2, consent: 3, done: 3 }[step];
  return (
    <>
      <h1>{tf('field.assist.title')}</h1>
      <p class="steps">{tf('field.assist.step', { n: stepNo, of: 3 })}</p>
      {Object.keys(errors).length > 0 && <Alert tone="error">{tf('field.log.fix')}</Alert>}
      {procedures.error && !procedures.data && <Alert tone="warn">{tf('field.assist.noProcedures')}</Alert>}
      {step === 'who' && (
        <form onSubmit={next} noValidate>
          <SelectField id="assist-procedure" label={tf('field.assist.procedure')} value={code} onValue={setCode} required error={errors.procedure}
            options={(procedures.data ?? []).map((x) => ({ value: x.code, label: x.name }))} />
          <TextField id="applicant-fullName" label={tf('field.new.name')} value={draft.applicant.fullName} onValue={(v) => setApplicant('fullName', v)} error={errors['applicant.fullName']} required autoComplete="off" />
          <TextField id="applicant-phone" type="tel" inputMode="tel" label={tf('field.assist.phone')} help={tf('field.assist.phoneHelp')} value={draft.applicant.phone}
            onValue={(v) => setApplicant('phone', v)} error={errors['applicant.phone']} required autoComplete="off" />
          <TextField id="applicant-idNumber" label={tf('field.assist.idNumber')} inputMode="numeric" maxLength={12} value={draft.applicant.idNumber}
            onValue={(v) => setApplicant('idNumber', v)} error={errors['applicant.idNumber']} required autoComplete="off" />
          <TextField id="applicant-address" label={tf('field.new.address')} value={draft.applicant.address} onValue={(v) => setApplicant('address', v)} autoComplete="off" />
          {!person && m.field.view.villages.length > 1 && (
            <SelectField id="assist-village" label={tf('field.log.village')} value={villageId} onValue={setVillageId} required error={errors.village}
              options={m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} />
          )}
          <ChoiceGroup name="assist-place" legend={tf('field.log.where')} choices={placeChoices()} value={place} onValue={setPlace} />
          {code && !p && !procedure.error && <Loading />}
          {procedure.error && <Alert tone="error">{procedure.error.userMessage}</Alert>}
          <Button type="submit" block disabled={!!code && !p}>{tf('field.next')}</Button>
        </form>
      )}
      {step === 'form' && p && (
        <form onSubmit={next} noValidate>
          <h2>{p.name}</h2>
          {p.form.fields.some((f) => f.type === 'file') && !m.field.sync.online && <Alert tone="warn">{tf('field.assist.filesOffline')}</Alert>}
          {p.form.fields.map((f) => (
            <FieldInput key={f.key} field={f} draft={draft} error={errors[f.key]}
              onValue={(k, v) => setDraft((d) => ({ ...d, values: { ...d.values, [k]: v } }))}
              onFiles={(k, files) => setDraft((d) => ({ ...d, files: { ...d.files, [k]: files } }))} />
          ))}
          <div class="row">
            <Button variant="secondary" onClick={() => setStep('who')}>{tf('field.back')}</Button>
            <Button type="submit">{tf('field.next')}</Button>
          </div>
        </form>
      )}
      {step === 'consent' && p && (
        <>
          <ConsentStep
            s={{ personId: person?.id, fullName: draft.applicant.fullName.trim(), phone: normalizeVietnamesePhone(draft.applicant.phone) ?? draft.applicant.phone, procedureCode: p.code, procedureName: p.name }}
            communeName={communeName.data ?? commune} memberName={m.me.fullName} online={m.field.sync.online} onGiven={(_method, consentId) => void submit(consentId, p)} />
          <p><Button variant="secondary" onClick={() => setStep('form')}>{tf('field.back')}</Button></p>
        </>
      )}
    </>
  );
}
