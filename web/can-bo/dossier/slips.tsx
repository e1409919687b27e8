import type { VNode } from 'preact';
import type { DossierView } from '../../lib/api/dossiers';
import { applicableSlips, slipUrl } from '../../lib/api/slips';
import { ts, type StaffKey } from '../i18n';

/** Print buttons for the official slips this dossier's log documents (Mẫu 01–05, stop notice), as A5 PDFs. */
export function SlipButtons({ d }: { d: DossierView }): VNode | null {
  const kinds = applicableSlips(d);
  if (kinds.length === 0) return null;
  return (
    <section class="card" aria-labelledby="slips-h">
      <h2 id="slips-h">{ts('staff.slips.title')}</h2>
      <p class="help">{ts('staff.slips.help')}</p>
      <div class="actions">
        {kinds.map((k) => (
          <a key={k} class="btn btn-secondary" href={slipUrl(d.code, k)} target="_blank" rel="noopener" data-slip={k}>
            {ts(`staff.slips.${k}` as StaffKey)}
          </a>
        ))}
      </div>
    </section>
  );
}
