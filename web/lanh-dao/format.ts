import { getLang, type Lang } from '../lib/i18n';

/**
 * Numbers the Vietnamese way (1.234,5; 42,2%) on Vietnamese pages and the English way on English ones; months and
 * times always in Asia/Ho_Chi_Minh (times are stored UTC). Pure apart from reading the current language.
 */
export const TZ = 'Asia/Ho_Chi_Minh';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatNumber(n: number | null | undefined, digits = 1, lang: Lang = getLang()): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(n: number | null | undefined, lang: Lang = getLang()): string {
  return n === null || n === undefined ? '—' : `${formatNumber(n, 1, lang)}%`;
}

/** 'YYYY-MM' → "Tháng 11/2026" / "November 2026". */
export function formatMonth(month: string, lang: Lang = getLang()): string {
  const [y, m] = month.split('-');
  if (lang === 'vi') return `Tháng ${Number(m)}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** 'YYYY-MM' → "11/26": short axis labels, the same in both languages. */
export function formatMonthShort(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y!.slice(2)}`;
}

/** "19:37 22/11/2026" in Vietnam's time zone, whatever the device's setting. */
export function formatLocalTime(iso: string | null | undefined, lang: Lang = getLang()): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  const date = `${get('day')}/${get('month')}/${get('year')}`;
  return lang === 'vi' ? `${time} ngày ${date}` : `${time} on ${date}`;
}

/** A date only ("22/11/2026"), Vietnam time. */
export function formatLocalDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** Parses a number written by formatNumber/formatPercent in Vietnamese ("1.234,5%" → 1234.5). For tests and copying. */
export function parseVietnameseNumber(text: string): number | null {
  const cleaned = text.replace(/[%\s]/g, '').replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
