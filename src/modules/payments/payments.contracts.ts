import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { feeConditionSchema } from './reference-data';

export const paymentStatuses = ['free', 'exempt', 'unpaid', 'under_review', 'paid', 'cancelled'] as const;
export const matchOutcomes = ['matched', 'underpaid', 'overpaid', 'already_paid', 'nothing_due', 'unknown_reference', 'wrong_account', 'dossier_closed', 'bad_signature'] as const;

export const dossierCodeParams = z.object({ code: z.string().min(3).max(64) });
export const communeParams = z.object({ code: z.string().regex(/^\d{5}$/) });

export const paymentSummary = z.object({
  amountVnd: z.number().int().describe('What the dossier owes after exemptions and reductions'),
  status: z.enum(paymentStatuses).describe('free: no fee; exempt: waived by a rule; unpaid; under_review: a payment that did not match is being checked; paid; cancelled: the dossier was refused or withdrawn'),
  vietqr: z.object({
    payload: z.string().describe('NAPAS VietQR (EMVCo) text: encode it as a QR code, or use imageUrl'),
    imageUrl: z.string().describe('PNG of the code (same authentication as this endpoint)'),
  }).nullable().describe('Only while status is unpaid and the commune has a receiving account'),
  reference: z.string().describe('Payment reference: the transfer note that identifies the dossier'),
});

export const adjustment = z.object({
  ruleId: z.string(), kind: z.enum(['exemption', 'reduction']), percent: z.number().int(), amountVnd: z.number().int(),
  reasonVi: z.string(), reasonEn: z.string(), legalBasis: z.string(),
});

export const paymentDetails = z.object({
  dossierCode: z.string(),
  status: z.enum(paymentStatuses),
  reference: z.string(),
  baseFeeVnd: z.number().int(),
  amountVnd: z.number().int(),
  amountInWordsVi: z.string(),
  adjustments: z.array(adjustment).describe('Why the amount differs from the catalogue fee, with the legal basis'),
  account: z.object({ bankBin: z.string(), bankName: z.string(), bankShortName: z.string(), accountNumber: z.string(), accountName: z.string() }).nullable(),
  transferNote: z.string().describe('What to type as the transfer note when paying by hand'),
  bankAppLink: z.string().nullable().describe('"Open in bank app" link (VietQR deep link), while unpaid'),
  gatewayAvailable: z.boolean(),
  paidVnd: z.number().int().nullable(),
  paidAt: z.string().nullable(),
  method: z.string().nullable(),
  receiptNo: z.string().nullable(),
  receiptUrl: z.string().nullable(),
});

export const cashBody = z.object({ amountVnd: z.number().int().min(1).max(1_000_000_000) });

export const bankNotification = z.object({
  transactionId: z.string().min(1).max(100).describe("The bank's transaction reference"),
  amountVnd: z.number().int().min(1).max(9_999_999_999_999),
  description: z.string().max(500).describe('The transfer note as the bank received it'),
  accountNumber: z.string().max(19).optional().describe('The credited account'),
  paidAt: z.string().datetime({ offset: true }).optional(),
});

export const incomingResult = z.object({
  outcome: z.enum(matchOutcomes),
  duplicate: z.boolean().describe('True when this notification was already recorded (nothing changed)'),
  dossierCode: z.string().nullable(),
  paid: z.boolean(),
});

export const gatewayParams = z.object({
  orderId: z.string().min(1).max(40),
  amount: z.string().regex(/^\d{1,13}$/),
  txnId: z.string().min(1).max(100),
  status: z.enum(['success', 'failed']),
  ts: z.string().regex(/^\d{1,12}$/),
  signature: z.string().regex(/^[0-9a-fA-F]{64}$/),
}).catchall(z.string());

export const transactionView = z.object({
  id: z.number().int(), source: z.string(), outcome: z.enum(matchOutcomes), amountVnd: z.number().int(), dueVnd: z.number().int().nullable(),
  dossierCode: z.string().nullable(), description: z.string(), paidAt: z.string().nullable(), receivedAt: z.string(),
  reviewStatus: z.enum(['none', 'open', 'resolved']), resolution: z.enum(['accepted', 'rejected']).nullable(), resolutionNote: z.string().nullable(), resolvedAt: z.string().nullable(),
});
export const transactionsQuery = z.object({
  review: z.enum(['open', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const resolveBody = z.object({
  action: z.enum(['accept', 'reject']),
  dossierCode: z.string().min(3).max(64).optional(),
  note: z.string().trim().min(3, { message: bilingual('Ghi rõ lý do xử lý', 'Say why') }).max(500),
});

export const statementBody = z.object({ csv: z.string().min(1).max(1_000_000) });
export const statementResult = z.object({
  lines: z.number().int(), matched: z.number().int(), review: z.number().int(), duplicates: z.number().int(), skipped: z.number().int(),
  results: z.array(z.object({ line: z.number().int(), outcome: z.string(), amountVnd: z.number().int().nullable(), dossierCode: z.string().nullable(), reason: z.string().optional() })),
});

export const accountBody = z.object({
  bankBin: z.string().regex(/^\d{6}$/, { message: bilingual('Mã BIN ngân hàng gồm 6 chữ số', 'The bank BIN has 6 digits') }),
  accountNumber: z.string().trim().regex(/^[A-Za-z0-9]{1,19}$/, { message: bilingual('Số tài khoản gồm tối đa 19 chữ/số, không dấu cách', 'Account number: up to 19 letters or digits, no spaces') }),
  accountName: z.string().trim().min(2).max(70),
});
export const accountView = z.object({
  account: z.object({ bankBin: z.string(), bankName: z.string(), bankShortName: z.string(), accountNumber: z.string(), accountName: z.string(), updatedAt: z.string() }).nullable(),
});

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: bilingual('Ngày dạng YYYY-MM-DD', 'Date as YYYY-MM-DD') });
export const feeRuleBody = z.object({
  procedureCode: z.string().min(1).max(20).describe("A procedure code, or '*' for all"),
  kind: z.enum(['exemption', 'reduction']),
  percent: z.number().int().min(1).max(100),
  condition: feeConditionSchema,
  reasonVi: z.string().trim().min(5).max(300),
  reasonEn: z.string().trim().min(5).max(300),
  legalBasis: z.string().trim().min(3).max(300),
  validFrom: localDate.nullable().optional(),
  validTo: localDate.nullable().optional(),
  active: z.boolean().default(true),
});
export const feeRuleView = feeRuleBody.extend({
  id: z.string(), scope: z.enum(['national', 'commune']), validFrom: z.string().nullable(), validTo: z.string().nullable(), editable: z.boolean(),
});

export const bankView = z.object({ bin: z.string(), code: z.string(), shortName: z.string(), name: z.string(), vietQr: z.string() });
