import { amountInWordsVi } from '../vietqr/amount-in-words';

/**
 * Text for the commune loudspeaker (loa truyền thanh): the reader must never have to turn
 * digits into words live, so numbers, dates, times, phone numbers, percentages and money
 * are written out in Vietnamese words. Pure.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 2026 → "hai nghìn không trăm hai mươi sáu" (the receipt reading rules, without "đồng"). */
export function spellNumber(n: number): string {
  const words = amountInWordsVi(n).replace(/ đồng$/, '');
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** Days 1–10 of a month are read "mồng …" (mồng tám tháng tám); April is "tháng tư". */
export function spellDate(day: number, month: number, year?: number): string {
  const d = day <= 10 ? `mồng ${spellNumber(day)}` : spellNumber(day);
  const m = month === 4 ? 'tư' : spellNumber(month);
  return `ngày ${d} tháng ${m}${year ? ` năm ${spellNumber(year)}` : ''}`;
}

export function spellTime(h: number, m: number): string {
  return `${spellNumber(h)} giờ${m ? ` ${spellNumber(m)} phút` : ''}`;
}

/** Phone numbers digit by digit in groups of 4-3-3, as people read them: "không chín không năm, …". */
export function spellPhone(digits: string): string {
  const groups = [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)].filter(Boolean);
  return groups.map((g) => [...g].map((c) => DIGITS[Number(c)]).join(' ')).join(', ');
}

const validDate = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;
const plain = (s: string) => Number(s.replace(/\./g, ''));

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/g, 'Ủy ban nhân dân'],
  [/\bCCCD\b/g, 'căn cước công dân'],
  [/\bDVC\b/g, 'dịch vụ công'],
  [/\bTTHC\b/g, 'thủ tục hành chính'],
  [/\bSĐT\b/g, 'số điện thoại'],
];

/** Rewrites every number-like token of `text` in words, most specific patterns first. */
export function spellOutNumbers(text: string): string {
  let s = text;
  for (const [re, words] of ABBREVIATIONS) s = s.replace(re, words);
  s = s.replace(/(?<![\p{L}\d.])(?:\+84|0)(\d[\d .]{7,11}\d)(?![\d.])/gu, (all) => {
    const digits = all.replace(/\D/g, '').replace(/^84/, '0');
    return digits.length === 10 ? spellPhone(digits) : all;
  });
  s = s.replace(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g, (all, d, m, y) => (validDate(+d, +m) ? spellDate(+d, +m, +y) : all));
  s = s.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (all, d, m) => (validDate(+d, +m) ? spellDate(+d, +m) : all));
  s = s.replace(/\b(\d{1,2})(?:h|:|giờ\s*)(\d{2})(?:p|'|\s*phút)?(?!\d)/g, (all, h, m) => (+h < 24 && +m < 60 ? spellTime(+h, +m) : all));
  s = s.replace(/\b(\d{1,2})\s?h\b/g, (all, h) => (+h < 24 ? spellTime(+h, 0) : all));
  s = s.replace(/\b(\d{1,3}(?:\.\d{3})+|\d+)\s?(?:đ|đồng|VNĐ|VND)(?![\p{L}])/gu, (_all, n) => `${spellNumber(plain(n))} đồng`);
  s = s.replace(/\b(\d+)(?:,(\d+))?\s?%/g, (_all, i, f) => `${spellNumber(+i)}${f ? ` phẩy ${[...f].map((c) => DIGITS[+c]).join(' ')}` : ''} phần trăm`);
  s = s.replace(/\b(\d+),(\d+)\b/g, (_all, i, f) => `${spellNumber(+i)} phẩy ${[...f].map((c: string) => DIGITS[+c]).join(' ')}`);
  s = s.replace(/\b\d{1,3}(?:\.\d{3})+\b/g, (all) => spellNumber(plain(all)));
  s = s.replace(/\b\d{1,15}\b/g, (all) => (all.length > 1 && all.startsWith('0') ? [...all].map((c) => DIGITS[+c]).join(' ') : spellNumber(Number(all))));
  // Ranges read "from … to …": "mồng tám tháng tám – mười tháng mười" → "… đến …".
  return s.replace(/\s*[–—]\s*/g, ' đến ');
}

export interface ReadAloudInput {
  communeName: string;
  kind: 'general' | 'scam_warning' | 'campaign';
  title: string;
  body: string;
  contactPhone?: string | null;
  publishedAt: Date;
}

/** The whole script: opening, the announcement, the contact, then everything once more, and the closing. */
export function buildReadAloudScript(a: ReadAloudInput, publishedOn: { day: number; month: number; year: number }): string {
  const scam = a.kind === 'scam_warning';
  const subject = spellOutNumbers(a.title);
  const body = spellOutNumbers(a.body);
  const contact = a.contactPhone ? `Mọi thắc mắc, xin bà con gọi số điện thoại: ${spellPhone(a.contactPhone)}.` : '';
  const core = [scam ? `Cảnh báo lừa đảo: ${subject}.` : `${subject}.`, body, contact].filter(Boolean);
  return [
    `[${scam ? 'CẢNH BÁO LỪA ĐẢO' : 'THÔNG BÁO'} - đọc chậm, rõ ràng, đọc hai lần]`,
    '',
    `A lô, a lô! Kính thưa bà con nhân dân ${a.communeName}!`,
    `Đài truyền thanh ${a.communeName} xin thông báo, ${spellDate(publishedOn.day, publishedOn.month, publishedOn.year)}.`,
    '',
    ...core,
    '',
    'Xin nhắc lại.',
    ...core,
    '',
    ...(scam ? ['Bà con tuyệt đối không chuyển tiền, không đọc mã xác thực cho người lạ qua điện thoại, không bấm vào đường dẫn lạ.'] : []),
    `Trên đây là thông báo của Ủy ban nhân dân ${a.communeName}. Xin cảm ơn bà con đã chú ý lắng nghe!`,
    '',
  ].join('\n');
}
