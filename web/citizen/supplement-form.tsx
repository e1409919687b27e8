import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { ApiError, newIdempotencyKey } from '../lib/api/client';
import { postAction } from '../lib/api/dossiers';
import type { DraftFile } from '../lib/draft-store';
import { Alert, Button, TextAreaField } from '../ui/components';
import { FilePicker, uploadPendingFiles } from '../ui/file-picker';

/** Answer a supplement request: photos of the missing papers and a note; retried safely with one key. */
export function SupplementForm(props: { code: string; onDone: () => void }): VNode {
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (files.length === 0) return setFileError(t('citizen.supplement.needFiles'));
    setBusy(true);
    setError(undefined);
    setFileError(undefined);
    try {
      const uploaded = await uploadPendingFiles(files);
      setFiles(uploaded);
      await postAction(props.code, { type: 'supplement', attachments: uploaded.flatMap((f) => (f.id ? [f.id] : [])), ...(note.trim() ? { note: note.trim() } : {}) }, key);
      props.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.isNetwork ? t('citizen.wizard.offline') : err.userMessage) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <FilePicker id="supplement-files" label={t('citizen.supplement.files')} help={t('citizen.supplement.filesHelp')} required files={files} onChange={(l) => (setFiles(l), setFileError(undefined))} error={fileError} />
      <TextAreaField id="supplement-note" label={t('citizen.supplement.note')} value={note} onValue={setNote} maxLength={2000} />
      <Button type="submit" block busy={busy}>{t('citizen.supplement.send')}</Button>
    </form>
  );
}
