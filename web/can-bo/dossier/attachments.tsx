import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DossierView } from '../../lib/api/dossiers';
import { fileUrl, getFileMeta, type FileMeta } from '../../lib/api/files';
import type { Procedure } from '../../lib/api/procedures';
import { getLang } from '../../lib/i18n';
import { ts } from '../i18n';

export interface Attachment { id: string; label: string }

/** Every file of the dossier: the papers in the form's file fields, then files added by later steps. */
export function collectAttachments(d: DossierView, procedure?: Procedure): Attachment[] {
  const out: Attachment[] = [];
  for (const f of procedure?.form.fields.filter((x) => x.type === 'file') ?? []) {
    const ids = d.fields[f.key];
    const label = getLang() === 'en' ? f.labelEn : f.label;
    if (Array.isArray(ids)) ids.forEach((id, i) => typeof id === 'string' && out.push({ id, label: ids.length > 1 ? `${label} (${i + 1})` : label }));
  }
  for (const e of d.timeline) for (const id of e.attachments ?? []) out.push({ id, label: `${getLang() === 'en' ? e.labelEn : e.labelVi} (${out.length + 1})` });
  return out.filter((a, i) => out.findIndex((b) => b.id === a.id) === i);
}

/** Thumbnails and a viewer: images shown large, PDFs in the browser's own viewer. */
export function AttachmentViewer({ items }: { items: Attachment[] }): VNode {
  const [selected, setSelected] = useState<Attachment | undefined>(items[0]);
  const [meta, setMeta] = useState<Record<string, FileMeta | null>>({});
  useEffect(() => {
    for (const a of items) {
      if (meta[a.id] !== undefined) continue;
      getFileMeta(a.id).then((m) => setMeta((s) => ({ ...s, [a.id]: m })), () => setMeta((s) => ({ ...s, [a.id]: null })));
    }
  }, [items.map((a) => a.id).join()]);
  if (items.length === 0) return <p class="muted">{ts('staff.files.none')}</p>;
  const isPdf = (id: string) => meta[id]?.contentType === 'application/pdf';
  return (
    <>
      <ul class="attachments" aria-label={ts('staff.files.list')}>
        {items.map((a) => (
          <li key={a.id}>
            <button type="button" aria-pressed={selected?.id === a.id ? 'true' : 'false'} onClick={() => setSelected(a)}>
              {meta[a.id] && !isPdf(a.id) ? <img src={fileUrl(a.id)} alt="" /> : <span aria-hidden="true">PDF</span>}
              <span class="visually-hidden">{ts('staff.files.open', { name: a.label })}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <figure class="viewer">
          {meta[selected.id] === undefined ? <p role="status">{ts('staff.loading')}</p>
            : meta[selected.id] === null ? <p class="error-text">{ts('staff.files.missing')}</p>
            : isPdf(selected.id) ? <iframe src={fileUrl(selected.id)} title={selected.label} />
            : <img src={fileUrl(selected.id)} alt={selected.label} />}
          <figcaption>{selected.label} · <a href={fileUrl(selected.id)} target="_blank" rel="noopener">{ts('staff.files.newTab')}</a></figcaption>
        </figure>
      )}
    </>
  );
}
