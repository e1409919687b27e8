import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ApiError, fieldErrors } from '../../lib/api/client';
import { submitDossier, type SubmitResult } from '../../lib/api/dossiers';
import { getCommuneProcedure, type EffectiveProcedure } from '../../lib/api/procedures';
import { deleteDraft, loadDraft, newDraft, saveDraft, type Draft, type DraftFile } from '../../lib/draft-store';
import { pick, useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useMe } from '../../lib/session';
import { Alert, Button, Loading, TextField } from '../../ui/components';
import { uploadPendingFiles } from '../../ui/file-picker';
import { loadPortal } from '../commune';
import { useLoad } from '../use-load';
import { SubmissionDone } from '../wizard/done';
import { FieldInput } from '../wizard/field-input';
import { Review } from '../wizard/review';
import { answersOf, buildSteps, stepOfKey, validateStep, type StepErrors } from '../wizard/steps';

/** The submission wizard: one group of questions per screen, saved on the phone at every keystroke. */
export default function WizardPage(props: { code: string }): VNode {
  const lang = useLang();
  const me = useMe();
  const loaded = useLoad(async () => {
    const portal = await loadPortal();
    if (!portal.commune) throw new ApiError(404, 'NO_COMMUNE', { vi: 'Chưa chọn xã', en: 'No commune chosen' });
    return getCommuneProcedure(portal.commune.code, props.code);
  }, [props.code]);
  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(`/nop/${props.code}`)}`, { replace: true });
  }, [me]);
  if (loaded.error) return <><h1>{t('citizen.wizard.title')}</h1><Alert tone="error">{loaded.error.userMessage}</Alert><Button onClick={loaded.reload}>{t('common.retry')}</Button></>;
  if (!loaded.data || !me || me.kind !== 'citizen') return <Loading />;
  return <Wizard procedure={loaded.data} owner={me.phone ?? 'me'} lang={lang} />;
}

function Wizard(props: { procedure: EffectiveProcedure; owner: string; lang: 'vi' | 'en' }): VNode {
  const p = props.procedure;
  const [draft, setDraft] = useState<Draft>(() => loadDraft(props.owner, p.code) ?? newDraft(p.code, props.owner));
  const [errors, setErrors] = useState<StepErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitResult>();
  const steps = useMemo(() => buildSteps(p, props.lang), [p, props.lang]);
  const stepIndex = Math.min(draft.step, steps.length - 1);
  const step = steps[stepIndex]!;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => saveDraft(props.owner, draft), [draft]);

  const change = (fn: (d: Draft) => Draft) => setDraft((d) => fn(d));
  const go = (to: number) => {
    setErrors({});
    setFormError(undefined);
    change((d) => ({ ...d, step: to }));
    window.scrollTo(0, 0);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const showErrors = (errs: StepErrors) => {
    setErrors(errs);
    setFormError(t('citizen.wizard.fixErrors', { n: Object.keys(errs).length }));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid button')?.focus());
  };
  const next = () => {
    const errs = validateStep(step, draft);
    if (Object.keys(errs).length) return showErrors(errs);
    go(stepIndex + 1);
  };

  const submit = async () => {
    setBusy(true);
    setFormError(undefined);
    try {
      const files: Record<string, DraftFile[]> = {};
      for (const [key, list] of Object.entries(draft.files)) files[key] = await uploadPendingFiles(list);
      const ready = { ...draft, files };
      setDraft(ready);
      const a = ready.applicant;
      const res = await submitDossier({
        procedureCode: p.code, communeCode: p.communeCode,
        applicant: { fullName: a.fullName.trim(), idNumber: a.idNumber.trim(), phone: a.phone.trim(), ...(a.address.trim() ? { address: a.address.trim() } : {}) },
        fields: answersOf(p.form.fields, ready),
      }, ready.idempotencyKey);
      deleteDraft(props.owner, ready);
      setResult(res);
      window.scrollTo(0, 0);
    } catch (err) {
      handleSubmitError(err);
    } finally {
      setBusy(false);
    }
  };

  const handleSubmitError = (err: unknown) => {
    if (!(err instanceof ApiError)) return setFormError(String(err));
    if (err.isNetwork) return setFormError(t('citizen.wizard.offline'));
    // The first try reached the server and the answers were changed since: that dossier exists already.
    if (err.code === 'IDEMPOTENCY_KEY_REUSED') return setFormError(t('citizen.wizard.alreadySent'));
    const byField = fieldErrors(err);
    const keys = Object.keys(byField);
    if (keys.length) {
      const first = stepOfKey(steps, keys[0]!);
      go(first);
      const errs: StepErrors = {};
      for (const k of keys) errs[k] = pick(byField[k]);
      return setTimeout(() => showErrors(errs), 0);
    }
    setFormError(err.userMessage);
  };

  if (result) return <SubmissionDone result={result} procedureName={p.name} />;
  const a = draft.applicant;
  const setApplicant = (k: keyof Draft['applicant']) => (v: string) => change((d) => ({ ...d, applicant: { ...d.applicant, [k]: v } }));
  return (
    <>
      <p class="muted">{p.name}</p>
      <p class="steps">{t('citizen.wizard.stepOf', { n: stepIndex + 1, total: steps.length })}</p>
      <div class="progress" aria-hidden="true"><div style={`width:${Math.round(((stepIndex + 1) / steps.length) * 100)}%`} /></div>
      <h1 ref={headingRef} tabIndex={-1}>{step.title}</h1>
      {stepIndex === 0 && draft.updatedAt && Object.keys(draft.values).length > 0 && <Alert>{t('citizen.wizard.restored')}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <form noValidate onSubmit={(e) => (e.preventDefault(), step.kind === 'review' ? void submit() : next())}>
        {step.kind === 'applicant' && (
          <>
            <p class="help">{t('citizen.wizard.applicantHelp')}</p>
            <TextField id="applicant-fullName" label={t('citizen.wizard.fullName')} help={t('citizen.wizard.fullNameHelp')} value={a.fullName} onValue={setApplicant('fullName')} error={errors['applicant.fullName']} required autoComplete="name" />
            <TextField id="applicant-idNumber" label={t('citizen.wizard.idNumber')} help={t('citizen.wizard.idNumberHelp')} value={a.idNumber} onValue={setApplicant('idNumber')} error={errors['applicant.idNumber']} required inputMode="numeric" maxLength={12} />
            <TextField id="applicant-phone" type="tel" label={t('citizen.signIn.phone')} value={a.phone} onValue={setApplicant('phone')} error={errors['applicant.phone']} required inputMode="tel" />
            <TextField id="applicant-address" label={t('citizen.wizard.address')} value={a.address} onValue={setApplicant('address')} error={errors['applicant.address']} maxLength={300} />
          </>
        )}
        {step.kind === 'fields' && step.fields.map((f) => (
          <FieldInput key={f.key} field={f} draft={draft} error={errors[f.key]}
            onValue={(k, v) => change((d) => ({ ...d, values: { ...d.values, [k]: v } }))}
            onFiles={(k, list) => change((d) => ({ ...d, files: { ...d.files, [k]: list } }))} />
        ))}
        {step.kind === 'review' && <Review procedure={p} draft={draft} steps={steps} onEdit={go} />}
        <div class="row" style="margin-top:16px">
          {stepIndex > 0 && <Button variant="secondary" onClick={() => go(stepIndex - 1)}>{t('common.back')}</Button>}
          <Button type="submit" busy={busy}>{step.kind === 'review' ? t('citizen.wizard.submit') : t('common.next')}</Button>
        </div>
      </form>
      <p class="muted" style="margin-top:16px">{t('citizen.wizard.savedNote')} <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`}>{t('citizen.wizard.backToProcedure')}</Link></p>
    </>
  );
}
