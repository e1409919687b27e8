import type { Actor } from '../../platform/auth';
import { createSession } from '../../platform/auth';
import { enqueueOutbox } from '../../platform/outbox';
import { AppError, tooManyRequests, unauthorized } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import * as repo from './auth.repo';
import { generateOtp, hashOtp, isDemoPhone, OTP_RULES } from './otp-rules';
import { getDummyHash, verifyPassword } from './passwords';

const badCredentials = () =>
  unauthorized({ vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });

export async function loginStaff(deps: AppDeps, username: string, password: string) {
  const account = await repo.findStaffByUsername(deps.db, username.trim().toLowerCase());
  const ok = await verifyPassword(account?.passwordHash ?? (await getDummyHash()), password);
  if (!account || !ok || !account.active) throw badCredentials();
  return createSession(deps.db, { kind: 'staff', id: account.id }, deps.now(), deps.config.SESSION_TTL_HOURS);
}

/** Sends a sign-in code through the outbox; in demo mode, demo phones also get it back as devCode. */
export async function requestCitizenOtp(deps: AppDeps, phone: string): Promise<{ sent: true; expiresInSeconds: number; devCode?: string }> {
  const now = deps.now();
  await assertOtpQuota(deps, phone, now);
  const code = generateOtp();
  const ttl = deps.config.OTP_TTL_SECONDS;
  await deps.db.transaction(async (tx) => {
    await repo.insertOtp(tx, {
      id: crypto.randomUUID(),
      phone,
      codeHash: hashOtp(phone, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
    });
    await enqueueOutbox(tx, now, {
      topic: 'notification.send',
      payload: { template: 'otp', recipient: { phone }, params: { code, minutes: Math.round(ttl / 60) } },
    });
  });
  const devCode = deps.config.XASO_DEMO && isDemoPhone(phone) ? code : undefined;
  return { sent: true, expiresInSeconds: ttl, ...(devCode ? { devCode } : {}) };
}

async function assertOtpQuota(deps: AppDeps, phone: string, now: Date): Promise<void> {
  const recent = await repo.countOtpsSince(deps.db, phone, new Date(now.getTime() - 15 * 60_000));
  const today = await repo.countOtpsSince(deps.db, phone, new Date(now.getTime() - 24 * 3600_000));
  if (recent >= OTP_RULES.maxCodesPer15Min || today >= OTP_RULES.maxCodesPerDay) {
    throw tooManyRequests({
      vi: 'Bạn đã yêu cầu quá nhiều mã. Vui lòng thử lại sau 15 phút',
      en: 'Too many codes requested. Please try again in 15 minutes',
    });
  }
}

export async function verifyCitizenOtp(deps: AppDeps, phone: string, code: string) {
  const now = deps.now();
  const otp = await repo.findLatestLiveOtp(deps.db, phone, now);
  const wrong = new AppError(401, 'OTP_INVALID', {
    vi: 'Mã xác thực không đúng hoặc đã hết hạn',
    en: 'The code is wrong or has expired',
  });
  if (!otp) throw wrong;
  if (otp.codeHash !== hashOtp(phone, code)) {
    await repo.recordFailedOtp(deps.db, otp.id);
    // After too many wrong guesses the code dies, so it cannot be brute-forced.
    if (otp.failedAttempts + 1 >= OTP_RULES.maxFailedAttempts) await repo.invalidateOtp(deps.db, otp.id, now);
    throw wrong;
  }
  if (!(await repo.consumeOtp(deps.db, otp.id, now))) throw wrong;
  const citizen = await repo.upsertCitizen(deps.db, phone, now);
  return createSession(deps.db, { kind: 'citizen', id: citizen.id }, now, deps.config.SESSION_TTL_HOURS);
}

/** Session → actor; an inactive or deleted account has no actor. */
export async function resolveSessionActor(
  deps: AppDeps,
  session: { accountKind: 'staff' | 'citizen'; accountId: string },
): Promise<Actor | undefined> {
  if (session.accountKind === 'citizen') {
    const c = await repo.findCitizenById(deps.db, session.accountId);
    return c ? { kind: 'citizen', accountId: c.id, phone: c.phone } : undefined;
  }
  const s = await repo.findStaffById(deps.db, session.accountId);
  if (!s || !s.active) return undefined;
  return {
    kind: 'staff',
    accountId: s.id,
    username: s.username,
    fullName: s.fullName,
    role: s.role,
    communeCode: s.communeCode,
    provinceCode: s.provinceCode,
  };
}
