import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { toLocalDate } from '../../shared/calendar';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { dossiers } from '../dossiers';
import * as repo from './payments.repo';
import { loadShippedFeeRules } from './reference-data';
import { ensurePaymentRequest } from './request.service';

/** Reference seeder: the law's exemptions (data/fee-rules.json), kept in step with the file. */
export async function importFeeRules(deps: AppDeps): Promise<void> {
  const now = deps.now();
  for (const rule of loadShippedFeeRules()) {
    for (const procedureCode of rule.procedureCodes) {
      await repo.upsertRule(deps.db, {
        id: `${rule.id}:${procedureCode}`, scope: 'national', procedureCode, kind: rule.kind, percent: rule.percent, condition: rule.condition,
        reasonVi: rule.reasonVi, reasonEn: rule.reasonEn, legalBasis: rule.legalBasis, validFrom: rule.validFrom ?? null, validTo: rule.validTo ?? null,
        active: true, updatedAt: now, updatedBy: null,
      });
    }
  }
}

/** A fictitious account (Agribank BIN 970405): scanning the demo code shows a real bank's name, but no money should be sent. */
export const DEMO_ACCOUNT = { bankBin: '970405', accountNumber: '3900205123456', accountName: 'UBND XA TRA BONG' } as const;

const DEMO_RULES = [
  { id: 'demo-thuong-tru-truc-tuyen', procedureCode: '1.004222', reasonVi: 'Nộp hồ sơ trực tuyến: lệ phí 10.000 đ thay vì 20.000 đ', reasonEn: 'Filed online: 10,000 đ instead of 20,000 đ' },
  { id: 'demo-tam-tru-truc-tuyen', procedureCode: '1.004194', reasonVi: 'Nộp hồ sơ trực tuyến: lệ phí giảm một nửa', reasonEn: 'Filed online: half the fee' },
];

/**
 * Demo commune: its receiving account, the province's online reductions (an example),
 * and a believable payment history: older fee-bearing dossiers paid (cash at the counter,
 * or VietQR transfers matched automatically), the newest online ones still unpaid, and
 * two transfers waiting in the review list. Written directly, without messages, so the
 * demo channel is not flooded with a year of receipts.
 */
export async function seedDemoPayments(deps: AppDeps): Promise<void> {
  if (await repo.findAccount(deps.db, DEMO_COMMUNE_CODE)) return;
  const now = deps.now();
  await repo.upsertAccount(deps.db, { communeCode: DEMO_COMMUNE_CODE, ...DEMO_ACCOUNT, updatedAt: now, updatedBy: null });
  for (const r of DEMO_RULES) {
    await repo.upsertRule(deps.db, {
      id: r.id, scope: DEMO_COMMUNE_CODE, procedureCode: r.procedureCode, kind: 'reduction', percent: 50, condition: { type: 'channel', channel: 'online' },
      reasonVi: r.reasonVi, reasonEn: r.reasonEn, legalBasis: 'Ví dụ: mức do HĐND tỉnh quy định cho hồ sơ nộp trực tuyến', validFrom: null, validTo: null,
      active: true, updatedAt: now, updatedBy: null,
    });
  }
  const rows = await deps.db.select().from(dossiers)
    .where(and(eq(dossiers.communeCode, DEMO_COMMUNE_CODE), gt(dossiers.feeVnd, 0)))
    .orderBy(asc(dossiers.submittedAt));
  const open = rows.filter((d) => d.status !== 'rejected' && d.status !== 'withdrawn');
  const unpaidOnline = new Set(open.filter((d) => d.channel === 'online').slice(-5).map((d) => d.id));
  let n = 0;
  for (const d of open) {
    const req = await ensurePaymentRequest(deps, d);
    if (req.status !== 'unpaid' || unpaidOnline.has(d.id)) continue;
    const paidAt = new Date(d.submittedAt.getTime() + (d.channel === 'online' ? 40 : 5) * 60_000);
    await seedPaid(deps, req, d.channel === 'online' ? 'bank_webhook' : 'counter', paidAt, `DEMO${String(++n).padStart(6, '0')}`);
  }
  await seedReviewItems(deps, open.filter((d) => unpaidOnline.has(d.id)), now);
}

async function seedPaid(deps: AppDeps, req: repo.RequestRow, source: 'bank_webhook' | 'counter', paidAt: Date, txn: string): Promise<void> {
  const t = await repo.insertTransactionIfNew(deps.db, {
    externalId: source === 'counter' ? `counter:${req.dossierCode}:demo` : `bank:${txn}`, source, communeCode: req.communeCode, requestId: req.id,
    amountVnd: req.amountVnd, description: source === 'counter' ? 'Tiền mặt tại Bộ phận Một cửa' : `IBFT ${txn} ${req.reference} chuyen tien le phi`,
    referenceFound: req.reference, outcome: 'matched', reviewStatus: 'none', paidAt, receivedAt: paidAt,
  });
  if (!t) return;
  const year = Number(toLocalDate(paidAt).slice(0, 4));
  const seq = await repo.nextReceiptSeq(deps.db, req.communeCode, year);
  await repo.updateRequest(deps.db, req.id, {
    status: 'paid', paidVnd: req.amountVnd, paidAt, method: source, receiptNo: `${req.communeCode}-${year}-${String(seq).padStart(6, '0')}`, transactionId: t.id, updatedAt: paidAt,
  });
}

/** One partial transfer for an unpaid dossier, and one transfer whose note has no reference. */
async function seedReviewItems(deps: AppDeps, unpaid: repo.DossierRow[], now: Date): Promise<void> {
  const partial = unpaid[0] ? await ensurePaymentRequest(deps, unpaid[0]) : undefined;
  if (partial) {
    await repo.insertTransactionIfNew(deps.db, {
      externalId: 'bank:DEMO-PARTIAL-1', source: 'bank_webhook', communeCode: DEMO_COMMUNE_CODE, requestId: partial.id, amountVnd: Math.floor(partial.amountVnd / 2),
      description: `IBFT ${partial.reference} nop thieu`, referenceFound: partial.reference, outcome: 'underpaid', reviewStatus: 'open', paidAt: now, receivedAt: now,
    });
  }
  await repo.insertTransactionIfNew(deps.db, {
    externalId: 'bank:DEMO-UNKNOWN-1', source: 'bank_webhook', communeCode: DEMO_COMMUNE_CODE, requestId: null, amountVnd: 20000,
    description: 'NGUYEN VAN AN chuyen tien le phi ho so thuong tru', referenceFound: null, outcome: 'unknown_reference', reviewStatus: 'open', paidAt: now, receivedAt: now,
  });
}
