import type { z } from 'zod';
import type * as c from '../../../src/modules/auth/auth.contracts';
import { ApiError, request } from './client';

export type Me = z.infer<typeof c.meResponse>;
export type OtpSent = z.infer<typeof c.otpRequestResponse>;

export const requestOtp = (phone: string) => request<OtpSent>('POST', '/api/auth/citizen/otp', { body: { phone } });
export const verifyOtp = (phone: string, code: string) =>
  request<z.infer<typeof c.tokenResponse>>('POST', '/api/auth/citizen/verify', { body: { phone, code } });
export const staffLogin = (username: string, password: string) =>
  request<z.infer<typeof c.tokenResponse>>('POST', '/api/auth/staff/login', { body: { username, password } });
export const logout = () => request<{ ok: true }>('POST', '/api/auth/logout', { body: {} });

/** The signed-in account, or null when signed out (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}
