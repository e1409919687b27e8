import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSession, requireActor, SESSION_COOKIE } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { provinceOfCommune } from '../admin-units';
import * as contracts from './auth.contracts';
import { loginStaff, requestCitizenOtp, verifyCitizenOtp } from './auth.service';

/**
 * Brute-force brakes (Decree 13/2023; the guide: rate limits on login/OTP), counted per
 * address AND account: a whole commune office shares one public address, so a per-address
 * count alone would lock out the citizens queuing behind a busy counter.
 */
const accountKey = (request: FastifyRequest) => {
  const body = (request.body ?? {}) as { username?: unknown; phone?: unknown };
  return `${request.ip}:${String(body.username ?? body.phone ?? '')}`;
};
const loginLimit = { rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: accountKey } };
const otpLimit = { rateLimit: { max: 20, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: accountKey } };

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post('/api/auth/staff/login', {
    config: loginLimit,
    schema: { tags, summary: 'Staff sign-in (username + password)', body: contracts.staffLoginBody, response: { 200: contracts.tokenResponse, ...errorResponses } },
  }, async (request, reply) => {
    const session = await loginStaff(deps, request.body.username, request.body.password);
    return sessionReply(reply, session);
  });

  r.post('/api/auth/citizen/otp', {
    config: otpLimit,
    schema: { tags, summary: 'Send a one-time sign-in code to a citizen phone', body: contracts.otpRequestBody, response: { 200: contracts.otpRequestResponse, ...errorResponses } },
  }, async (request) => requestCitizenOtp(deps, request.body.phone));

  r.post('/api/auth/citizen/verify', {
    config: loginLimit,
    schema: { tags, summary: 'Sign in with phone + one-time code', body: contracts.otpVerifyBody, response: { 200: contracts.tokenResponse, ...errorResponses } },
  }, async (request, reply) => {
    const session = await verifyCitizenOtp(deps, request.body.phone, request.body.code);
    return sessionReply(reply, session);
  });

  r.post('/api/auth/logout', {
    schema: { tags, summary: 'End this session', response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request, reply) => {
    if (request.sessionToken) await deleteSession(deps.db, request.sessionToken);
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return { ok: true as const };
  });

  r.get('/api/me', {
    schema: { tags, summary: 'The signed-in account', security: [{ bearer: [] }], response: { 200: contracts.meResponse, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    if (actor.kind === 'citizen') {
      return { kind: 'citizen' as const, role: 'citizen' as const, communeCode: null, provinceCode: null, phone: actor.phone };
    }
    return {
      kind: 'staff' as const,
      role: actor.role,
      communeCode: actor.communeCode,
      provinceCode: actor.communeCode ? (provinceOfCommune(actor.communeCode) ?? actor.provinceCode) : actor.provinceCode,
      username: actor.username,
      fullName: actor.fullName,
    };
  });
}

/** The token for API clients, and the same token as an HttpOnly cookie for the browser apps. */
function sessionReply(reply: FastifyReply, session: { token: string; expiresAt: Date }) {
  const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  reply.header('set-cookie', `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, maxAge)}`);
  return { token: session.token, expiresAt: session.expiresAt.toISOString() };
}
