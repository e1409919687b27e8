/**
 * Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09 (the
 * 2018 renumbering moved every mobile range under these prefixes), written
 * 0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx. Stored in the national 0xxxxxxxxx form.
 */
const MOBILE = /^0[35789]\d{8}$/;

export function normalizeVietnamesePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.\-()]/g, '');
  const national = compact.startsWith('+84') ? `0${compact.slice(3)}` : compact.startsWith('84') && compact.length === 11 ? `0${compact.slice(2)}` : compact;
  return MOBILE.test(national) ? national : undefined;
}

/** 0912345678 → 091*****78: enough to recognise, not enough to call (Decree 13/2023). */
export function maskPhone(phone: string): string {
  if (phone.length < 6) return '***';
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`;
}
