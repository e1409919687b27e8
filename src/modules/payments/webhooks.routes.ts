import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as c from './payments.contracts';
import { signBody, verifyBodySignature, verifyParams } from './methods';
import * as repo from './payments.repo';
import { recordBadSignature, recordIncomingPayment } from './reconcile.service';
import { ensurePaymentRequest } from './request.service';

const tags = ['payments'];
const routeNotFound = () => notFound('ROUTE_NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
const badSignature = () => new AppError(401, 'BAD_SIGNATURE', { vi: 'Chữ ký không hợp lệ', en: 'Invalid signature' });
// Brakes on an endpoint anyone can call: bad signatures are stored for review, so they must not flood the table.
const webhookLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/**
 * Bank and gateway notifications. The bank webhook signs the raw JSON body with
 * HMAC-SHA256 (`x-xaso-signature: sha256=<hex>`, secret PAYMENT_WEBHOOK_SECRET); the
 * gateway signs its parameters (PAYMENT_GATEWAY_SECRET). Both are idempotent by the
 * transaction id, and only an exact match of reference and amount marks a dossier paid.
 */
export function registerWebhookRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = String(body);
      try {
        done(null, JSON.parse(String(body)));
      } catch {
        done(new AppError(400, 'MALFORMED_JSON', { vi: 'Nội dung JSON bị lỗi', en: 'Malformed JSON body' }), undefined);
      }
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/payments/webhooks/bank', {
      config: webhookLimit,
      schema: {
        tags, summary: 'Bank notification of an incoming transfer (HMAC-signed raw body)',
        headers: z.object({ 'x-xaso-signature': z.string().max(200).optional() }), body: c.bankNotification,
        response: { 200: c.incomingResult, ...errorResponses },
      },
    }, async (request) => {
      const secret = deps.config.paymentWebhookSecret;
      if (!secret) throw routeNotFound();
      const b = request.body;
      if (!verifyBodySignature(request.rawBody ?? '', request.headers['x-xaso-signature'], secret)) {
        await recordBadSignature(deps, 'bank_webhook', { amountVnd: b.amountVnd, description: b.description, accountNumber: b.accountNumber });
        throw badSignature();
      }
      const result = await recordIncomingPayment(deps, {
        source: 'bank_webhook', externalId: `bank:${b.transactionId}`, amountVnd: b.amountVnd, description: b.description,
        accountNumber: b.accountNumber, paidAt: b.paidAt ? new Date(b.paidAt) : null,
      });
      return { outcome: result.outcome, duplicate: result.duplicate, dossierCode: result.dossierCode, paid: result.paid };
    });

    r.post('/api/payments/gateway/notify', {
      config: webhookLimit,
      schema: { tags, summary: 'Hosted gateway: signed server-to-server payment notice', body: c.gatewayParams, response: { 200: z.object({ accepted: z.boolean(), result: c.incomingResult.nullable() }), ...errorResponses } },
    }, async (request) => ({ accepted: true, result: await handleGateway(deps, request.body) }));

    r.get('/api/payments/gateway/return', {
      schema: { tags, summary: "Hosted gateway: the citizen's browser comes back here (signed); redirects to the dossier page", querystring: c.gatewayParams, response: errorResponses },
    }, async (request, reply) => {
      const result = await handleGateway(deps, request.query);
      const req = await repo.findRequestByReference(deps.db, request.query.orderId.toUpperCase());
      const outcome = result ? (result.paid ? 'da-thanh-toan' : 'dang-kiem-tra') : 'khong-thanh-cong';
      return reply.redirect(`${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(req?.dossierCode ?? '')}?thanh-toan=${outcome}`, 302);
    });

    r.post('/api/dev/payments/simulate', {
      schema: {
        tags: ['demo'], summary: 'Demo mode only: a simulated bank transfer for a dossier, sent signed through the real bank webhook',
        body: z.object({ dossierCode: z.string().min(3).max(64), amountVnd: z.number().int().min(1).max(1_000_000_000).optional() }),
        response: { 200: c.incomingResult, ...errorResponses },
      },
    }, async (request, reply) => simulateTransfer(deps, request, reply.server));
  });
}

async function handleGateway(deps: AppDeps, params: z.infer<typeof c.gatewayParams>) {
  const secret = deps.config.PAYMENT_GATEWAY_SECRET;
  if (!secret || !deps.config.PAYMENT_GATEWAY_URL) throw routeNotFound();
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (!verifyParams(flat, secret)) {
    await recordBadSignature(deps, 'gateway', { amountVnd: Number(params.amount), reference: params.orderId });
    throw badSignature();
  }
  if (params.status !== 'success') return null;
  const result = await recordIncomingPayment(deps, {
    source: 'gateway', externalId: `gw:${params.txnId}`, amountVnd: Number(params.amount), description: `Cổng thanh toán ${params.txnId}`,
    reference: params.orderId, paidAt: new Date(Number(params.ts) * 1000),
  });
  return { outcome: result.outcome, duplicate: result.duplicate, dossierCode: result.dossierCode, paid: result.paid };
}

async function simulateTransfer(deps: AppDeps, request: FastifyRequest, server: FastifyInstance) {
  const secret = deps.config.paymentWebhookSecret;
  if (!deps.config.XASO_DEMO || !secret) throw routeNotFound();
  const body = request.body as { dossierCode: string; amountVnd?: number };
  const d = await repo.findDossierByCode(deps.db, body.dossierCode);
  if (!d) throw notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${body.dossierCode}`, en: `Dossier ${body.dossierCode} not found` });
  const req = await ensurePaymentRequest(deps, d);
  const account = await repo.findAccount(deps.db, d.communeCode);
  const txn = `DEMO${deps.now().getTime()}${Math.floor(Math.random() * 1000)}`;
  const raw = JSON.stringify({
    transactionId: txn, amountVnd: body.amountVnd ?? req.amountVnd, accountNumber: account?.accountNumber,
    description: `MBVCB.${txn}.${req.reference}.CT tu 0123456789 NGUYEN VAN A toi ${account?.accountNumber ?? ''}`, paidAt: deps.now().toISOString(),
  });
  const res = await server.inject({ method: 'POST', url: '/api/payments/webhooks/bank', payload: raw, headers: { 'content-type': 'application/json', 'x-xaso-signature': signBody(raw, secret) } });
  if (res.statusCode !== 200) throw new AppError(res.statusCode, 'SIMULATION_FAILED', { vi: 'Giả lập chuyển khoản không thành công', en: 'The simulated transfer failed' });
  return res.json() as z.infer<typeof c.incomingResult>;
}
