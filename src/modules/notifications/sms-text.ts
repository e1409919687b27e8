/**
 * SMS text for Vietnamese brandname SMS. With diacritics a message is UCS-2: 70
 * characters in one segment, 67 per segment when concatenated. Folded to plain
 * letters it is GSM 03.38 (7-bit): 160, then 153 per segment (3GPP TS 23.038,
 * TS 23.040 concatenation header). Providers bill per segment, so xaso folds by
 * default (SMS_UNICODE=0): "Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan".
 */
export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsText {
  text: string;
  encoding: SmsEncoding;
  /** Septets (gsm7) or UTF-16 code units (ucs2). */
  units: number;
  segments: number;
}

/** GSM 03.38 extension-table characters cost two septets (escape + char). */
const GSM_EXTENSION = new Set(['^', '{', '}', '\\', '[', ']', '~', '|']);

export function foldForSms(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7E\n]/g, ' ');
}

export function toSmsText(text: string, unicode: boolean): SmsText {
  if (unicode) {
    const t = text.normalize('NFC');
    const units = t.length;
    return { text: t, encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
  }
  const t = foldForSms(text);
  let units = 0;
  for (const ch of t) units += GSM_EXTENSION.has(ch) ? 2 : 1;
  return { text: t, encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}
