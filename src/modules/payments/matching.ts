/**
 * How an incoming payment matches its dossier (docs/decisions: payment matching).
 * Only an exact match marks a dossier paid; everything else goes to the staff's
 * review list. Pure, so every branch is tested without a database.
 */
export type MatchOutcome =
  | 'matched'
  | 'underpaid'
  | 'overpaid'
  | 'already_paid'
  | 'nothing_due'
  | 'unknown_reference'
  | 'wrong_account'
  | 'dossier_closed'
  | 'bad_signature';

export interface MatchInput {
  request?: { status: 'free' | 'exempt' | 'unpaid' | 'paid'; amountVnd: number };
  dossierStatus?: string;
  amountVnd: number;
  /** False when the money reached another account or another commune's statement. */
  accountMatches: boolean;
}

export function decideOutcome(i: MatchInput): MatchOutcome {
  if (!i.request) return 'unknown_reference';
  if (!i.accountMatches) return 'wrong_account';
  if (i.request.status === 'paid') return 'already_paid';
  if (i.request.status !== 'unpaid') return 'nothing_due';
  if (i.dossierStatus === 'rejected' || i.dossierStatus === 'withdrawn') return 'dossier_closed';
  if (i.amountVnd < i.request.amountVnd) return 'underpaid';
  if (i.amountVnd > i.request.amountVnd) return 'overpaid';
  return 'matched';
}

export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}

/**
 * Bank notes carry payers' names and sometimes phone or account numbers: a standalone
 * run of 9–19 digits is hidden in lists and logs (Decree 13/2023). A payment reference
 * starts with letters, so it stays readable.
 */
export function redactNote(note: string): string {
  return note.replace(/(?<![0-9A-Za-z])\d{9,19}(?![0-9A-Za-z])/g, (m) => `${m.slice(0, 2)}***${m.slice(-2)}`).slice(0, 500);
}
