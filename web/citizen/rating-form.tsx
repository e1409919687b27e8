import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { ApiError, fieldErrors } from '../lib/api/client';
import { getCriteria, rateDossier, type RatingBody, type RatingView } from '../lib/api/feedback';
import { pick } from '../lib/i18n';
import { Alert, Button, Loading, TextAreaField } from '../ui/components';
import { useLoad } from './use-load';

/** One row of 1–5 choices (radio buttons, 48 px each, keyboard: arrows). */
function Scale(props: { name: string; legend: string; value?: number | null; onChange: (v: number) => void; error?: string; scale: { value: number; vi: string; en: string }[] }): VNode {
  return (
    <fieldset class={props.error ? 'field field-invalid' : 'field'}>
      <legend>{props.legend}</legend>
      <div class="stars">
        {props.scale.map((s) => (
          <label key={s.value} title={pick(s)}>
            <input type="radio" name={props.name} value={s.value} checked={props.value === s.value} onChange={() => props.onChange(s.value)} aria-label={`${s.value} – ${pick(s)}`} />
            <span aria-hidden="true">{s.value}</span>
          </label>
        ))}
      </div>
      <p class="help">1 = {pick(props.scale[0])}, 5 = {pick(props.scale[4])}</p>
      {props.error && <p class="error-text" role="alert">{props.error}</p>}
    </fieldset>
  );
}

function Choice(props: { name: string; legend: string; options: [number | boolean, string][]; value: unknown; onChange: (v: number | boolean) => void }): VNode {
  return (
    <fieldset class="field">
      <legend>{props.legend}</legend>
      {props.options.map(([v, label]) => (
        <label class="check" key={String(v)}>
          <input type="radio" name={props.name} checked={props.value === v} onChange={() => props.onChange(v)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Rating after the result was returned: overall (required) and the ND 61/2018 Art. 31 matters, plus a comment. */
export function RatingForm(props: { code: string; onDone: (r: RatingView) => void }): VNode {
  const criteria = useLoad(getCriteria, []);
  const [body, setBody] = useState<Partial<RatingBody>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!criteria.data) return criteria.error ? <Alert tone="error">{criteria.error.userMessage}</Alert> : <Loading />;
  const { scale } = criteria.data;
  const set = (k: keyof RatingBody) => (v: unknown) => setBody((b) => ({ ...b, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!body.overall) return setErrors({ overall: t('citizen.rate.overallMissing') });
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      props.onDone(await rateDossier(props.code, body as RatingBody));
    } catch (err) {
      const f = fieldErrors(err);
      setErrors(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, pick(v)])));
      setFormError(err instanceof ApiError ? err.userMessage : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Scale name="overall" legend={t('citizen.rate.overall')} value={body.overall} onChange={set('overall')} error={errors.overall} scale={scale} />
      <details>
        <summary class="btn btn-ghost">{t('citizen.rate.more')}</summary>
        {criteria.data.criteria.map((c) => (
          <Scale key={c.key} name={c.key} legend={pick(c)} value={body[c.key as keyof RatingBody] as number | undefined} onChange={set(c.key as keyof RatingBody)} scale={scale} />
        ))}
        <Choice name="visits" legend={t('citizen.rate.visits')} value={body.visits} onChange={set('visits')}
          options={[[0, t('citizen.rate.visits0')], [1, t('citizen.rate.visits1')], [2, t('citizen.rate.visits2')]]} />
        <Choice name="agencies" legend={t('citizen.rate.agencies')} value={body.agenciesContacted} onChange={set('agenciesContacted')}
          options={[[1, '1'], [2, '2'], [3, t('citizen.rate.agencies3')]]} />
        <Choice name="extra" legend={t('citizen.rate.extraPayment')} value={body.extraPayment} onChange={set('extraPayment')}
          options={[[false, t('common.no')], [true, t('common.yes')]]} />
      </details>
      <TextAreaField id="rate-comment" label={t('citizen.rate.comment')} help={t('citizen.rate.commentHelp')} value={body.comment ?? ''} onValue={set('comment')} error={errors.comment} maxLength={2000} />
      <Button type="submit" block busy={busy}>{t('citizen.rate.submit')}</Button>
    </form>
  );
}
