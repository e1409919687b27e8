import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { sendPdf } from '../../platform/pdf';
import * as c from './payments.contracts';
import { getPaymentDetails, getPaymentSummary, paymentQrPng, recordCashPayment, startGatewayPayment } from './payment.service';
import { renderReceipt } from './receipt.service';
import { listBanks } from './reference-data';
import { listPayments, resolveReview } from './review.service';
import { getAccount, listFeeRules, saveFeeRule, setAccount } from './settings.service';
import { importStatement } from './statement.service';
import { registerWebhookRoutes } from './webhooks.routes';

const security = [{ bearer: [] }];
const tags = ['payments'];
const binary = (what: string) => z.any().describe(what);

export function registerPaymentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/dossiers/:code/payment', {
    schema: { tags, security, summary: 'What the dossier owes and a payable VietQR code (owner or staff of the commune)', params: c.dossierCodeParams, response: { 200: c.paymentSummary, ...errorResponses } },
  }, async (request) => getPaymentSummary(deps, request.actor, request.params.code));

  r.get('/api/dossiers/:code/payment/details', {
    schema: { tags, security, summary: 'The payment page: reasons for the amount, receiving account, "open in bank app" link, receipt', params: c.dossierCodeParams, response: { 200: c.paymentDetails, ...errorResponses } },
  }, async (request) => getPaymentDetails(deps, request.actor, request.params.code));

  r.get('/api/dossiers/:code/payment/qr.png', {
    schema: { tags, security, summary: 'The VietQR code as a PNG image', params: c.dossierCodeParams, response: { 200: binary('image/png'), ...errorResponses } },
  }, async (request, reply) => {
    const png = await paymentQrPng(deps, request.actor, request.params.code);
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png);
  });

  r.get('/api/dossiers/:code/payment/receipt.pdf', {
    schema: { tags, security, summary: 'The electronic receipt (PDF) of a paid dossier', params: c.dossierCodeParams, response: { 200: binary('application/pdf'), ...errorResponses } },
  }, async (request, reply) => {
    const { bytes, filename } = await renderReceipt(deps, request.actor, request.params.code);
    return sendPdf(reply, bytes, filename);
  });

  r.post('/api/dossiers/:code/payment/gateway', {
    schema: { tags, security, summary: 'Start paying through the hosted payment gateway: the URL to send the browser to', params: c.dossierCodeParams, response: { 200: z.object({ redirectUrl: z.string() }), ...errorResponses } },
  }, async (request) => startGatewayPayment(deps, request.actor, request.params.code));

  r.post('/api/dossiers/:code/payment/cash', {
    schema: {
      tags, security, summary: 'Officer: the exact fee was paid in cash at the counter', params: c.dossierCodeParams,
      headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional() }), body: c.cashBody,
      response: { 200: z.object({ receiptNo: z.string().nullable(), replayed: z.boolean() }), ...errorResponses },
    },
  }, async (request) => recordCashPayment(deps, requireStaff(request), request.params.code, request.body.amountVnd, request.headers['idempotency-key']));

  r.get('/api/communes/:code/payments', {
    schema: { tags, security, summary: "Staff: incoming payments and the dossier each belongs to; review=open is the review list", params: c.communeParams, querystring: c.transactionsQuery, response: { 200: z.object({ items: z.array(c.transactionView) }), ...errorResponses } },
  }, async (request) => ({ items: await listPayments(deps, requireStaff(request), request.params.code, request.query) }));

  r.post('/api/communes/:code/payments/:id/resolve', {
    schema: {
      tags, security, summary: 'Staff: accept (count it for a dossier, issue the receipt) or reject an item of the review list',
      params: c.communeParams.extend({ id: z.coerce.number().int().min(1) }), body: c.resolveBody,
      response: { 200: z.object({ id: z.number().int(), resolution: z.enum(['accepted', 'rejected']), receiptNo: z.string().nullable() }), ...errorResponses },
    },
  }, async (request) => resolveReview(deps, requireStaff(request, ['officer', 'commune_admin', 'leader']), request.params.code, request.params.id, request.body));

  r.post('/api/communes/:code/payments/statement', {
    schema: { tags, security, summary: 'Officer or commune admin: import a bank statement (CSV) and match its credits', params: c.communeParams, body: c.statementBody, response: { 200: c.statementResult, ...errorResponses } },
  }, async (request) => importStatement(deps, requireStaff(request), request.params.code, request.body.csv));

  r.get('/api/communes/:code/payment-account', {
    schema: { tags, security, summary: "The commune's receiving account", params: c.communeParams, response: { 200: c.accountView, ...errorResponses } },
  }, async (request) => getAccount(deps, requireStaff(request), request.params.code));

  r.put('/api/communes/:code/payment-account', {
    schema: { tags, security, summary: 'Commune admin: set the receiving account (bank BIN, account number, account name)', params: c.communeParams, body: c.accountBody, response: { 200: c.accountView, ...errorResponses } },
  }, async (request) => setAccount(deps, request.actor?.kind === 'staff' ? request.actor : undefined, request.params.code, request.body));

  r.get('/api/communes/:code/fee-rules', {
    schema: { tags, security, summary: 'Fee exemptions and reductions in force (the law’s and the commune’s)', params: c.communeParams, response: { 200: z.object({ items: z.array(c.feeRuleView) }), ...errorResponses } },
  }, async (request) => ({ items: await listFeeRules(deps, requireStaff(request), request.params.code) }));

  r.post('/api/communes/:code/fee-rules', {
    schema: { tags, security, summary: 'Commune admin: add a rule (e.g. the province’s online-filing reduction)', params: c.communeParams, body: c.feeRuleBody, response: { 200: c.feeRuleView, ...errorResponses } },
  }, async (request) => saveFeeRule(deps, request.actor?.kind === 'staff' ? request.actor : undefined, request.params.code, undefined, request.body));

  r.put('/api/communes/:code/fee-rules/:id', {
    schema: { tags, security, summary: 'Commune admin: change or switch off one of the commune’s rules', params: c.communeParams.extend({ id: z.string().min(1).max(64) }), body: c.feeRuleBody, response: { 200: c.feeRuleView, ...errorResponses } },
  }, async (request) => saveFeeRule(deps, request.actor?.kind === 'staff' ? request.actor : undefined, request.params.code, request.params.id, request.body));

  r.get('/api/payments/banks', {
    schema: { tags, summary: 'Banks that receive VietQR transfers (for choosing the receiving account)', response: { 200: z.object({ items: z.array(c.bankView) }) } },
  }, async () => ({ items: listBanks() }));

  registerWebhookRoutes(app, deps);
}
