import { t, type MessageKey } from '../i18n';
import type { DossierView } from '../lib/api/dossiers';

/** Status badge colour: done (green), needs the citizen (amber), stopped (red), in progress (blue). */
export function statusTone(status: DossierView['status']): string {
  if (status === 'returned' || status === 'result_ready') return 'badge badge-ok';
  if (status === 'awaiting_supplement') return 'badge badge-warn';
  if (status === 'rejected' || status === 'withdrawn') return 'badge badge-danger';
  return 'badge';
}

/** What a step of the dossier's life means for the citizen, in plain words. */
export function explainAction(type: string): string {
  const key = `citizen.explain.${type}` as MessageKey;
  const text = t(key);
  return text === key ? '' : text;
}
