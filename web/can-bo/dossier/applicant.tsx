import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { revealApplicant, type DossierView } from '../../lib/api/dossiers';
import { Alert, Button, Facts } from '../../ui/components';
import { ts } from '../i18n';

/**
 * The applicant. The ID number and phone stay masked until the officer presses "Hiện"; the server records
 * who saw them and when (ND 13/2023/NĐ-CP: access to personal data is logged).
 */
export function ApplicantCard({ d, village }: { d: DossierView; village?: string }): VNode {
  const [full, setFull] = useState<{ idNumber: string; phone: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const show = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setFull(await revealApplicant(d.code));
    } catch (err) {
      setError(err instanceof ApiError ? err.userMessage : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="applicant-h">
      <h2 id="applicant-h">{ts('staff.dossier.applicant')}</h2>
      <Facts items={[
        [ts('staff.dossier.name'), d.applicant.fullName],
        [ts('staff.dossier.idNumber'), <span class="masked" data-testid="id-number">{full?.idNumber ?? d.applicant.idNumber}</span>],
        [ts('staff.dossier.phone'), <span class="masked" data-testid="phone">{full?.phone ?? d.applicant.phone}</span>],
        ...(d.applicant.address ? [[ts('staff.dossier.address'), d.applicant.address] as [string, string]] : []),
        ...(village ? [[ts('staff.dossier.village'), village] as [string, string]] : []),
      ]} />
      {error && <Alert tone="error">{error}</Alert>}
      {full ? <p class="muted" role="status">{ts('staff.dossier.revealed')}</p> : (
        <Button variant="secondary" busy={busy} onClick={() => void show()} aria-describedby="reveal-help">{ts('staff.dossier.reveal')}</Button>
      )}
      {!full && <p class="help" id="reveal-help">{ts('staff.dossier.revealHelp')}</p>}
    </section>
  );
}
