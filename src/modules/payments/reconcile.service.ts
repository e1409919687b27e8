import type { Db } from '../../platform/db';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { toLocalDate } from '../../shared/calendar';
import { decideOutcome, formatVnd, redactNote, type MatchOutcome } from './matching';
import * as repo from './payments.repo';
import { findReferences } from './reference';

export interface IncomingPayment {
  source: 'bank_webhook' | 'gateway' | 'statement' | 'counter';
  /** Namespaced provider id (bank:…, gw:…, stmt:…, counter:…): the same notification twice is one payment. */
  externalId: string | null;
  amountVnd: number;
  description: string;
  /** Given by a gateway (its order id); otherwise found in the transfer note. */
  reference?: string;
  /** The credited account, when the notification says. */
  accountNumber?: string;
  /** A statement belongs to one commune's account. */
  communeCode?: string;
  paidAt: Date | null;
}

export interface IncomingResult {
  transactionId: number;
  outcome: MatchOutcome;
  duplicate: boolean;
  dossierCode: string | null;
  paid: boolean;
}

const lookupLink = (deps: AppDeps, code: string) => `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`;

/**
 * Records one incoming payment and matches it, in one transaction with the request
 * row locked: a replay finds the first record and changes nothing; an exact match
 * marks the dossier paid, numbers the receipt and tells the citizen; anything else
 * waits in the review list (and the citizen is told it is being checked).
 */
export async function recordIncomingPayment(deps: AppDeps, p: IncomingPayment): Promise<IncomingResult> {
  return deps.db.transaction(async (tx) => {
    const replay = p.externalId ? await repo.findTransactionByExternalId(tx, p.externalId) : undefined;
    if (replay) return resultOf(tx, replay, true);
    const request = await findRequest(tx, p);
    const dossier = request ? await repo.findDossierById(tx, request.dossierId) : undefined;
    const account = request ? await repo.findAccount(tx, request.communeCode) : undefined;
    const accountMatches = (!p.accountNumber || !account || p.accountNumber === account.accountNumber) && (!p.communeCode || p.communeCode === request?.communeCode);
    const outcome = decideOutcome({ request, dossierStatus: dossier?.status, amountVnd: p.amountVnd, accountMatches });
    const now = deps.now();
    const communeCode = request?.communeCode ?? p.communeCode ?? (p.accountNumber ? await repo.findCommuneByAccount(tx, p.accountNumber) : undefined) ?? null;
    const t = await repo.insertTransactionIfNew(tx, {
      externalId: p.externalId, source: p.source, communeCode, requestId: request?.id ?? null,
      amountVnd: p.amountVnd, description: redactNote(p.description), referenceFound: request?.reference ?? null, outcome,
      reviewStatus: outcome === 'matched' ? 'none' : 'open', paidAt: p.paidAt, receivedAt: now,
    });
    if (!t) return resultOf(tx, (await repo.findTransactionByExternalId(tx, p.externalId!))!, true);
    if (outcome === 'matched') await markPaid({ ...deps, db: tx }, request!, dossier!, t, p.source);
    else if (request && dossier && outcome !== 'wrong_account') await tellUnderReview({ ...deps, db: tx }, request, dossier, p.amountVnd);
    return { transactionId: t.id, outcome, duplicate: false, dossierCode: request?.dossierCode ?? null, paid: outcome === 'matched' };
  });
}

async function findRequest(tx: Db, p: IncomingPayment) {
  const refs = p.reference ? [p.reference.toUpperCase()] : findReferences(p.description);
  for (const ref of refs) {
    const r = await repo.findRequestByReference(tx, ref, true);
    if (r) return r;
  }
  return undefined;
}

async function resultOf(tx: Db, t: repo.TransactionRow, duplicate: boolean): Promise<IncomingResult> {
  const request = t.requestId ? await repo.findRequestById(tx, t.requestId) : undefined;
  return { transactionId: t.id, outcome: t.outcome, duplicate, dossierCode: request?.dossierCode ?? null, paid: request?.status === 'paid' && request.transactionId === t.id };
}

/** Marks the request paid with the next receipt number of the commune's year, and tells the citizen (outbox, same transaction). */
export async function markPaid(deps: AppDeps, request: repo.RequestRow, dossier: repo.DossierRow, t: repo.TransactionRow, method: string): Promise<string> {
  const now = deps.now();
  const paidAt = t.paidAt ?? now;
  const year = Number(toLocalDate(paidAt).slice(0, 4));
  const seq = await repo.nextReceiptSeq(deps.db, request.communeCode, year);
  const receiptNo = `${request.communeCode}-${year}-${String(seq).padStart(6, '0')}`;
  await repo.updateRequest(deps.db, request.id, { status: 'paid', paidVnd: t.amountVnd, paidAt, method, receiptNo, transactionId: t.id, updatedAt: now });
  await enqueueOutbox(deps.db, now, {
    topic: 'notification.send', communeCode: request.communeCode, subjectRef: request.dossierCode,
    payload: { template: 'payment.received', recipient: { phone: dossier.applicantPhone }, params: { code: request.dossierCode, amount: formatVnd(t.amountVnd), receiptNo, link: lookupLink(deps, request.dossierCode) } },
  });
  return receiptNo;
}

async function tellUnderReview(deps: AppDeps, request: repo.RequestRow, dossier: repo.DossierRow, amountVnd: number): Promise<void> {
  await enqueueOutbox(deps.db, deps.now(), {
    topic: 'notification.send', communeCode: request.communeCode, subjectRef: request.dossierCode,
    payload: { template: 'payment.needs_review', recipient: { phone: dossier.applicantPhone }, params: { code: request.dossierCode, amount: formatVnd(amountVnd), due: formatVnd(request.amountVnd) } },
  });
}

/** A notification whose signature failed: kept for review (it may show an attack or a misconfigured bank), never matched. */
export async function recordBadSignature(deps: AppDeps, source: 'bank_webhook' | 'gateway', claimed: { amountVnd?: number; description?: string; reference?: string; accountNumber?: string }): Promise<void> {
  const refs = claimed.reference ? [claimed.reference.toUpperCase()] : findReferences(claimed.description ?? '');
  let communeCode: string | null = claimed.accountNumber ? ((await repo.findCommuneByAccount(deps.db, claimed.accountNumber)) ?? null) : null;
  for (const ref of refs) communeCode ??= (await repo.findRequestByReference(deps.db, ref))?.communeCode ?? null;
  await repo.insertTransactionIfNew(deps.db, {
    externalId: null, source, communeCode, requestId: null, amountVnd: Number.isSafeInteger(claimed.amountVnd) ? claimed.amountVnd! : 0,
    description: redactNote(`[chữ ký sai / bad signature] ${claimed.description ?? ''}`), referenceFound: null, outcome: 'bad_signature',
    reviewStatus: 'open', paidAt: null, receivedAt: deps.now(),
  });
}
