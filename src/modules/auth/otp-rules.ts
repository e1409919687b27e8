import { createHash, randomInt } from 'node:crypto';

/** Limits that make guessing a 6-digit code hopeless: 5 tries per code, 3 codes per 15 min, 10 per day. */
export const OTP_RULES = {
  digits: 6,
  maxFailedAttempts: 5,
  maxCodesPer15Min: 3,
  maxCodesPerDay: 10,
} as const;

export function generateOtp(): string {
  return String(randomInt(0, 10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0');
}

export function hashOtp(phone: string, code: string): string {
  return createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

/** Demo citizens 0900000001..0900000009: the only numbers that ever get `devCode`, and only in demo mode. */
export const DEMO_CITIZEN_PHONES = Array.from({ length: 9 }, (_, i) => `090000000${i + 1}`);

export function isDemoPhone(phone: string): boolean {
  return DEMO_CITIZEN_PHONES.includes(phone);
}
