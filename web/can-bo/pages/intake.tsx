import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { answersOf, validateApplicant, validateStep } from '../../citizen/wizard/steps';
import { FieldInput } from '../../citizen/wizard/field-input';
import { ApiError, fieldErrors, newIdempotencyKey } from '../../lib/api/client';
import { listCommuneProcedures, listVillages } from '../../lib/api/commune-admin';
import { submitDossier, type SubmitResult } from '../../lib/api/dossiers';
import { getCommuneProcedure, type EffectiveProcedure } from '../../lib/api/procedures';
import { slipUrl } from '../../lib/api/slips';
import type { Draft } from '../../lib/draft-store';
import { formatDateTime } from '../../lib/format';
import { pick, useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { ts } from '../i18n';
import { useStaff, type StaffMe } from '../session';
import { useLoad } from '../use-load';

const emptyDraft = (procedureCode: string): Draft => ({
  procedureCode, idempotencyKey: newIdempotencyKey(), step: 0, applicant: { fullName: '', idNumber: '', phone: '', address: '' },
  values: {}, files: {}, updatedAt: new Date().toISOString(),
});

/**
 * Counter intake: the officer records a walk-in citizen's dossier with its scanned papers (ND 118/2025 Art. 17.1c:
 * paper inputs are scanned). The server receives it at once and starts the clock; a volunteer's entry is recorded
 * as an assisted online submission instead.
 */
export default function IntakePage(): VNode {
  useLang();
  const staff = useStaff();
  if (!staff?.communeCode) return staff === undefined ? <Loading /> : <><h1>{ts('staff.intake.title')}</h1><Alert tone="warn">{ts('staff.intake.noCommune')}</Alert></>;
  return <Intake staff={staff} commune={staff.communeCode} />;
}

function Intake({ staff, commune }: { staff: StaffMe; commune: string }): VNode {
  const refs = useLoad(async () => ({
    procedures: (await listCommuneProcedures(commune)).items.filter((p) => p.offered),
    villages: (await listVillages(commune)).items,
  }), [commune]);
  const [code, setCode] = useState('');
  const procedure = useLoad(async () => (code ? getCommuneProcedure(commune, code) : undefined), [code]);
  const [done, setDone] = useState<SubmitResult>();
  const [round, setRound] = useState(0);

  if (done) {
    return (
      <>
        <h1>{ts('staff.intake.doneTitle')}</h1>
        <Alert tone="ok">{ts('staff.intake.done')}</Alert>
        <p class="code-big" data-testid="intake-code">{done.code}</p>
        {done.dueAt && <p>{ts('staff.inbox.due')}: <strong>{formatDateTime(done.dueAt)}</strong></p>}
        <div class="actions">
          {done.status !== 'submitted' && <a class="btn" href={slipUrl(done.code, 'receipt')} target="_blank" rel="noopener">{ts('staff.slips.receipt')}</a>}
          <Link class="btn btn-secondary" href={`/can-bo/ho-so/${encodeURIComponent(done.code)}`}>{ts('staff.intake.open')}</Link>
          <Button variant="ghost" onClick={() => (setDone(undefined), setCode(''), setRound(round + 1))}>{ts('staff.intake.another')}</Button>
        </div>
      </>
    );
  }
  return (
    <>
      <h1>{staff.role === 'volunteer' ? ts('staff.intake.assistTitle') : ts('staff.intake.title')}</h1>
      <p>{staff.role === 'volunteer' ? ts('staff.intake.assistIntro') : ts('staff.intake.intro')}</p>
      {refs.error && <Alert tone="error">{refs.error.userMessage}</Alert>}
      <SelectField id="intake-procedure" label={ts('staff.intake.procedure')} value={code} onValue={setCode} required
        options={(refs.data?.procedures ?? []).map((p) => ({ value: p.code, label: p.name }))} />
      {code && !procedure.data && !procedure.error && <Loading />}
      {procedure.error && <Alert tone="error">{procedure.error.userMessage}</Alert>}
      {procedure.data && (
        <IntakeForm key={`${code}-${round}`} p={procedure.data} commune={commune} officer={staff.role !== 'volunteer'}
          villages={refs.data?.villages ?? []} onDone={setDone} />
      )}
    </>
  );
}

function IntakeForm(props: { p: EffectiveProcedure; commune: string; officer: boolean; villages: { id: string; name: string }[]; onDone: (r: SubmitResult) => void }): VNode {
  const { p } = props;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(p.code));
  const [villageId, setVillageId] = useState('');
  const [channel, setChannel] = useState('in_person');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const setApplicant = (k: keyof Draft['applicant'], v: string) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, [k]: v } }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = { ...validateApplicant(draft.applicant), ...validateStep({ kind: 'fields', title: '', fields: p.form.fields }, draft) };
    for (const f of p.form.fields) if (f.type === 'file' && (draft.files[f.key] ?? []).some((x) => !x.id)) problems[f.key] = ts('staff.action.filesPending');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const a = draft.applicant;
      props.onDone(await submitDossier({
        procedureCode: p.code, communeCode: props.commune, fields: answersOf(p.form.fields, draft),
        applicant: { fullName: a.fullName.trim(), idNumber: a.idNumber.trim(), phone: normalizeVietnamesePhone(a.phone)!, ...(a.address.trim() ? { address: a.address.trim() } : {}) },
        ...(villageId ? { villageId } : {}), ...(props.officer && channel === 'post' ? { channel: 'post' as const } : {}),
      }, draft.idempotencyKey));
    } catch (err) {
      const byField = Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [k, pick(v)]));
      setErrors(Object.keys(byField).length ? byField : { form: err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {Object.keys(errors).length > 0 && !errors.form && <Alert tone="error">{ts('staff.intake.fix')}</Alert>}
      <section class="card" aria-labelledby="who-h">
        <h2 id="who-h">{ts('staff.intake.applicant')}</h2>
        <TextField id="applicant-fullName" label={ts('staff.dossier.name')} value={draft.applicant.fullName} onValue={(v) => setApplicant('fullName', v)} error={errors['applicant.fullName']} required autoComplete="off" />
        <TextField id="applicant-idNumber" label={ts('staff.dossier.idNumber')} inputMode="numeric" maxLength={12} value={draft.applicant.idNumber} onValue={(v) => setApplicant('idNumber', v)} error={errors['applicant.idNumber']} required autoComplete="off" />
        <TextField id="applicant-phone" type="tel" label={ts('staff.dossier.phone')} inputMode="tel" value={draft.applicant.phone} onValue={(v) => setApplicant('phone', v)} error={errors['applicant.phone']} required autoComplete="off" />
        <TextField id="applicant-address" label={ts('staff.dossier.address')} value={draft.applicant.address} onValue={(v) => setApplicant('address', v)} error={errors['applicant.address']} autoComplete="off" />
        <SelectField id="intake-village" label={ts('staff.dossier.village')} value={villageId} onValue={setVillageId} options={props.villages.map((v) => ({ value: v.id, label: v.name }))} />
        {props.officer && (
          <SelectField id="intake-channel" label={ts('staff.intake.channel')} value={channel} onValue={(v) => setChannel(v || 'in_person')} required
            options={[{ value: 'in_person', label: ts('staff.channel.counter') }, { value: 'post', label: ts('staff.channel.post') }]} />
        )}
      </section>
      <section class="card" aria-labelledby="form-h">
        <h2 id="form-h">{ts('staff.intake.answers')}</h2>
        {p.form.fields.map((f) => (
          <FieldInput key={f.key} field={f} draft={draft} error={errors[f.key]}
            onValue={(k, v) => setDraft((d) => ({ ...d, values: { ...d.values, [k]: v } }))}
            onFiles={(k, files) => setDraft((d) => ({ ...d, files: { ...d.files, [k]: files } }))} />
        ))}
      </section>
      <Button type="submit" block busy={busy}>{props.officer ? ts('staff.intake.submit') : ts('staff.intake.assistSubmit')}</Button>
    </form>
  );
}
