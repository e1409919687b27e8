import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { ApiError } from '../lib/api/client';
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES, uploadFile } from '../lib/api/files';
import { deleteBlob, getBlob, putBlob, type DraftFile } from '../lib/draft-store';
import { formatBytes } from '../lib/format';
import { prepareUpload } from '../lib/image';

/**
 * Photos of papers straight from the camera, or a photo/PDF already on the phone, each with a preview. Files are
 * shrunk, kept on the device, and uploaded at once; if the network is down they wait and `uploadPendingFiles`
 * sends them later. Too large or wrong-type files are refused here with a message (and again by the server).
 */
export interface FilePickerProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  files: DraftFile[];
  onChange: (files: DraftFile[]) => void;
  max?: number;
}

export function FilePicker(props: FilePickerProps): VNode {
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const latest = useRef(props.files);
  latest.current = props.files;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const update = (fn: (list: DraftFile[]) => DraftFile[]) => {
    latest.current = fn(latest.current);
    props.onChange(latest.current);
  };

  const onPick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    setProblem(undefined);
    setBusy(true);
    try {
      for (const file of chosen.slice(0, (props.max ?? 10) - latest.current.length)) await addFile(file);
    } finally {
      setBusy(false);
    }
  };

  const addFile = async (file: File) => {
    if (file.type && !file.type.startsWith('image/') && !ACCEPTED_TYPES.includes(file.type)) {
      setProblem(t('files.wrongType', { name: file.name }));
      return;
    }
    const prepared = await prepareUpload(file);
    if (prepared.blob.size > MAX_UPLOAD_BYTES) {
      setProblem(t('files.tooLarge', { name: file.name, size: formatBytes(prepared.blob.size), max: formatBytes(MAX_UPLOAD_BYTES) }));
      return;
    }
    const item: DraftFile = { localId: `l${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, name: prepared.name, type: prepared.blob.type, size: prepared.blob.size, thumb: prepared.thumb };
    await putBlob(item.localId, prepared.blob);
    update((list) => [...list, item]);
    try {
      const meta = await uploadFile(prepared.blob, prepared.name);
      update((list) => list.map((f) => (f.localId === item.localId ? { ...f, id: meta.id } : f)));
      void deleteBlob(item.localId);
    } catch (err) {
      if (err instanceof ApiError && !err.isNetwork) {
        update((list) => list.filter((f) => f.localId !== item.localId));
        void deleteBlob(item.localId);
        setProblem(`${file.name}: ${err.userMessage}`);
      } else {
        setProblem(t('files.waiting'));
      }
    }
  };

  const remove = (localId: string) => {
    update((list) => list.filter((f) => f.localId !== localId));
    void deleteBlob(localId);
  };

  const errId = props.error || problem ? `${props.id}-error` : undefined;
  const helpId = props.help ? `${props.id}-help` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(' ') || undefined;
  const full = props.files.length >= (props.max ?? 10);
  return (
    <fieldset class={props.error ? 'field field-invalid' : 'field'} id={props.id} aria-describedby={describedBy}>
      <legend>{props.label}{props.required ? '' : ` ${t('common.optional')}`}</legend>
      {props.help && <p class="help" id={helpId}>{props.help}</p>}
      {props.files.length > 0 && (
        <ul class="thumbs" aria-label={t('files.chosen')}>
          {props.files.map((f, i) => (
            <li key={f.localId}>
              {f.thumb ? <img src={f.thumb} alt={t('files.photoN', { n: i + 1 })} /> : <span class="doc">{f.type === 'application/pdf' ? 'PDF' : t('files.file')}</span>}
              <p class="muted" style="font-size:0.85rem;margin:4px 0">{f.id ? t('files.uploaded') : t('files.notUploaded')}</p>
              <button type="button" class="btn btn-secondary" onClick={() => remove(f.localId)} aria-label={t('files.removeN', { n: i + 1 })}>
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" class="btn" disabled={busy || full} onClick={() => camera.current?.click()} aria-describedby={describedBy}>{t('files.takePhoto')}</button>
        <button type="button" class="btn btn-secondary" disabled={busy || full} onClick={() => picker.current?.click()}>{t('files.pick')}</button>
      </div>
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={onPick} data-testid={`${props.id}-camera`} />
      <input ref={picker} type="file" accept="image/*,application/pdf" multiple hidden onChange={onPick} data-testid={`${props.id}-file`} />
      {busy && <p role="status"><span class="spinner" aria-hidden="true" /> {t('files.working')}</p>}
      {(props.error || problem) && <p class="error-text" id={errId} role="alert">{problem ?? props.error}</p>}
    </fieldset>
  );
}

/** Uploads files still waiting on the device (chosen while offline); returns the list with server ids. */
export async function uploadPendingFiles(files: DraftFile[]): Promise<DraftFile[]> {
  const out: DraftFile[] = [];
  for (const f of files) {
    if (f.id) {
      out.push(f);
      continue;
    }
    const blob = await getBlob(f.localId);
    if (!blob) continue;
    const meta = await uploadFile(blob, f.name);
    void deleteBlob(f.localId);
    out.push({ ...f, id: meta.id });
  }
  return out;
}
