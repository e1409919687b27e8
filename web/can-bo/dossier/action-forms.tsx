import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, fieldErrors, newIdempotencyKey } from '../../lib/api/client';
import { postAction, type ActionBody, type DossierView } from '../../lib/api/dossiers';
import type { DraftFile } from '../../lib/draft-store';
import { pick } from '../../lib/i18n';
import { Alert, Button, CheckboxField, TextAreaField, TextField } from '../../ui/components';
import { FilePicker } from '../../ui/file-picker';
import { ts, type StaffKey } from '../i18n';

type ActionType = DossierView['allowedActions'][number];
const danger: ActionType[] = ['reject', 'withdraw'];

/** Only the actions the rules allow now (the server's allowedActions), each opening a form that asks what it needs. */
export function ActionPanel({ d, requiredDocuments, onDone }: { d: DossierView; requiredDocuments: string[]; onDone: (v: DossierView) => void }): VNode {
  const [open, setOpen] = useState<ActionType>();
  if (d.allowedActions.length === 0) return <p class="muted">{ts('staff.action.none')}</p>;
  return (
    <>
      <div class="actions">
        {d.allowedActions.map((a) => (
          <Button key={a} variant={danger.includes(a) ? 'danger' : open === a ? 'primary' : 'secondary'} aria-expanded={open === a ? 'true' : 'false'}
            aria-controls="action-form" onClick={() => setOpen(open === a ? undefined : a)}>
            {ts(`staff.action.${a}` as StaffKey)}
          </Button>
        ))}
      </div>
      {open && <ActionForm key={open} type={open} d={d} requiredDocuments={requiredDocuments} onCancel={() => setOpen(undefined)} onDone={(v) => (setOpen(undefined), onDone(v))} />}
    </>
  );
}

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

function ActionForm(props: { type: ActionType; d: DossierView; requiredDocuments: string[]; onCancel: () => void; onDone: (v: DossierView) => void }): VNode {
  const { type } = props;
  const [key] = useState(newIdempotencyKey);
  const [note, setNote] = useState('');
  const [list, setList] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [date, setDate] = useState('');
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const build = (): ActionBody | Record<string, string> => {
    const n = note.trim() || undefined;
    const ids = files.map((f) => f.id).filter((x): x is string => Boolean(x));
    switch (type) {
      case 'request_supplement': {
        const missing = [...checked, ...lines(list)];
        return missing.length ? { type, missingDocuments: missing, note: n } : { list: ts('staff.action.missingRequired') };
      }
      case 'reject':
        return lines(list).length ? { type, reasons: lines(list), note: n } : { list: ts('staff.action.reasonsRequired') };
      case 'reappoint': {
        const problems: Record<string, string> = {};
        if (!date) problems.date = ts('staff.action.dateRequired');
        if (!n) problems.note = ts('staff.action.reasonRequired');
        // The new appointment is at the end of office hours (17:00, Vietnam time) of the chosen day.
        return Object.keys(problems).length ? problems : { type, newDueAt: `${date}T17:00:00+07:00`, note: n! };
      }
      case 'supplement':
      case 'approve':
        if (files.some((f) => !f.id)) return { files: ts('staff.action.filesPending') };
        return { type, note: n, ...(ids.length ? { attachments: ids } : {}) };
      default:
        return { type, note: n } as ActionBody;
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = build();
    if (!('type' in body)) return setErrors(body);
    setBusy(true);
    setErrors({});
    try {
      props.onDone(await postAction(props.d.code, body as ActionBody, key));
    } catch (err) {
      const f = fieldErrors(err);
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(f)) mapped[k.startsWith('missingDocuments') || k.startsWith('reasons') ? 'list' : k === 'newDueAt' ? 'date' : k] = pick(v);
      setErrors(Object.keys(mapped).length ? mapped : { form: err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const title = ts(`staff.action.${type}` as StaffKey);
  return (
    <form id="action-form" class="card" onSubmit={submit} noValidate aria-labelledby="action-h">
      <h3 id="action-h">{title}</h3>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {type === 'request_supplement' && (
        <fieldset class="field">
          <legend>{ts('staff.action.missingKnown')}</legend>
          {props.requiredDocuments.map((doc, i) => (
            <CheckboxField key={doc} id={`missing-${i}`} label={doc} checked={checked.includes(doc)}
              onValue={(v) => setChecked(v ? [...checked, doc] : checked.filter((x) => x !== doc))} />
          ))}
        </fieldset>
      )}
      {(type === 'request_supplement' || type === 'reject') && (
        <TextAreaField id="action-list" label={ts(type === 'reject' ? 'staff.action.reasons' : 'staff.action.missingOther')} help={ts(type === 'reject' ? 'staff.action.reasonsHelp' : 'staff.action.onePerLine')}
          value={list} onValue={setList} error={errors.list} required={type === 'reject'} maxLength={4000} />
      )}
      {type === 'reappoint' && (
        <>
          <Alert tone="warn">{ts('staff.action.reappointOnce')}</Alert>
          <TextField id="action-date" type="date" label={ts('staff.action.newDate')} help={ts('staff.action.newDateHelp')} value={date} onValue={setDate} error={errors.date} required />
        </>
      )}
      {(type === 'supplement' || type === 'approve') && (
        <FilePicker id="action-files" label={ts(type === 'approve' ? 'staff.action.resultFiles' : 'staff.action.supplementFiles')} files={files} onChange={setFiles} error={errors.files} />
      )}
      <TextAreaField id="action-note" label={ts(type === 'reappoint' ? 'staff.action.reason' : 'staff.action.note')} value={note} onValue={setNote}
        error={errors.note} required={type === 'reappoint'} maxLength={2000} />
      <div class="row">
        <Button type="submit" variant={danger.includes(type) ? 'danger' : 'primary'} busy={busy}>{ts('staff.action.confirm', { action: title })}</Button>
        <Button variant="ghost" onClick={props.onCancel}>{ts('staff.cancel')}</Button>
      </div>
    </form>
  );
}
