import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, fieldErrors } from '../../lib/api/client';
import { pick } from '../../lib/i18n';
import { Alert, Button, CheckboxField, TextAreaField, TextField } from '../../ui/components';
import { tp } from '../i18n/plan';
import { createAnnouncement, publishAnnouncement, type AnnouncementInput } from '../plan-api';
import type { Member } from '../store/member';
import { ChoiceGroup, MultiChoice } from '../ui';

const kinds = ['scam_warning', 'general', 'campaign'] as const;

/**
 * Compose and publish in one step: the draft is saved, then published with the chosen channels. If publishing fails
 * (network lost between the two), the draft stays and the page lists it with its own "publish" button.
 */
export function AnnouncementForm(props: { m: Member; onDone: () => void }): VNode {
  const [kind, setKind] = useState<(typeof kinds)[number]>('scam_warning');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [villageIds, setVillageIds] = useState<string[]>([]);
  const [phone, setPhone] = useState('');
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const input: AnnouncementInput = { kind, title, body, villageIds, ...(phone.trim() ? { contactPhone: phone.trim() } : {}) };
    setBusy(true);
    setMessage(undefined);
    try {
      const draft = await createAnnouncement(props.m.me.communeCode, input);
      setErrors({});
      const done = await publishAnnouncement(draft.id, notify);
      setTitle(''); setBody(''); setPhone('');
      setMessage({ tone: 'ok', text: tp('plan.ann.published', { title: done.title }) });
    } catch (err) {
      const found = Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [k.replace(/\.\d+$/, ''), pick(v)]));
      setErrors(found);
      setMessage({ tone: 'error', text: Object.keys(found).length ? tp('plan.ann.fix') : err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
      props.onDone();
    }
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="compose-h">
      <h2 id="compose-h">{tp('plan.ann.compose')}</h2>
      <ChoiceGroup name="ann-kind" legend={tp('plan.ann.kind')} value={kind} onValue={(v) => setKind(v as typeof kind)}
        choices={kinds.map((k) => ({ value: k, label: tp(`plan.ann.kind.${k}`) }))} cols={1} />
      {errors.kind && <Alert tone="error">{errors.kind}</Alert>}
      <TextField id="ann-title" label={tp('plan.ann.titleField')} required value={title} onValue={setTitle} error={errors.title} maxLength={160} />
      <TextAreaField id="ann-body" label={tp('plan.ann.body')} help={tp('plan.ann.bodyHelp')} required value={body} onValue={setBody} error={errors.body} maxLength={3000} />
      {props.m.field.view.villages.length > 0 && (
        <MultiChoice name="ann-villages" legend={tp('plan.ann.villages')} help={tp('plan.ann.villagesHelp')} values={villageIds} onValues={setVillageIds}
          choices={props.m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} error={errors.villageIds} />
      )}
      <TextField id="ann-phone" type="tel" inputMode="tel" label={tp('plan.ann.phone')} value={phone} onValue={setPhone} error={errors.contactPhone} maxLength={15} />
      <fieldset class="choices">
        <legend>{tp('plan.ann.channels')}</legend>
        <p class="help">{tp('plan.ann.alwaysChannels')}</p>
        <CheckboxField id="ann-notify" label={tp('plan.ann.notify')} checked={notify} onValue={setNotify} />
      </fieldset>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" busy={busy}>{tp('plan.ann.submit')}</Button>
    </form>
  );
}
