import { describe, expect, it } from 'vitest';
import {
  amountInWordsVi,
  buildVietQrPayload,
  crc16CcittFalse,
  decodeTlv,
  encodeTlv,
  parseVietQrPayload,
  toQrAscii,
  VietQrError,
  type VietQrInput,
} from './index';

/**
 * NAPAS "QR Format T&C v1.0" (VN 09/2021) §6.1 examples. All use BIN 970403, account
 * 0011012345678, card 9704031101234567; dynamic ones carry 180 000 đ, bill NPS6869 and
 * purpose "thanh toan don hang".
 */
const NAPAS = {
  /** 6.1.1 as published: its tag 38.01.01 says length 12 for a 13-character account (a typo in
   * the document); outer lengths count 13. F4E5 is the CRC of exactly this text. */
  staticToAccountAsPublished:
    '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5',
  staticToCard:
    '00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52',
  dynamicToAccount:
    '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E',
  dynamicToCard:
    '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203',
} as const;

const ACCOUNT: VietQrInput = { bankBin: '970403', accountNumber: '0011012345678' };
const CARD: VietQrInput = { bankBin: '970403', accountNumber: '9704031101234567', toCard: true };
const ORDER = { amountVnd: 180_000, reference: 'NPS6869', purpose: 'thanh toan don hang' };

function crcOf(payload: string): string {
  return crc16CcittFalse(payload.slice(0, -4));
}

function errorOf(action: () => unknown): VietQrError {
  try {
    action();
  } catch (error) {
    if (error instanceof VietQrError) return error;
    throw error;
  }
  throw new Error('expected a VietQrError');
}

describe('crc16CcittFalse', () => {
  it('matches the CRC-16/CCITT-FALSE check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('returns the initial value for empty input, padded to 4 hex digits', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse('')).toMatch(/^[0-9A-F]{4}$/);
  });

  it.each([
    ['6.1.1', NAPAS.staticToAccountAsPublished, 'F4E5'],
    ['6.1.2', NAPAS.staticToCard, '4F52'],
    ['6.1.3', NAPAS.dynamicToAccount, '2E2E'],
    ['6.1.4', NAPAS.dynamicToCard, 'A203'],
  ])('reproduces the NAPAS %s CRC', (_name, payload, crc) => {
    expect(crcOf(payload)).toBe(crc);
  });
});

describe('buildVietQrPayload: NAPAS vectors byte for byte', () => {
  it('6.1.2 static to card → 4F52', () => {
    expect(buildVietQrPayload(CARD)).toBe(NAPAS.staticToCard);
  });

  it('6.1.3 dynamic to account → 2E2E', () => {
    expect(buildVietQrPayload({ ...ACCOUNT, ...ORDER })).toBe(NAPAS.dynamicToAccount);
  });

  it('6.1.4 dynamic to card → A203', () => {
    expect(buildVietQrPayload({ ...CARD, ...ORDER })).toBe(NAPAS.dynamicToCard);
  });

  it('6.1.1 static to account: same bytes as published except the corrected length 13', () => {
    const built = buildVietQrPayload(ACCOUNT);
    const corrected = NAPAS.staticToAccountAsPublished.replace('01120011012345678', '01130011012345678');
    expect(built.slice(0, -4)).toBe(corrected.slice(0, -4));
    expect(built.slice(-4)).toBe(crcOf(built));
  });
});

describe('buildVietQrPayload', () => {
  it('folds a Vietnamese purpose to ASCII (đ→d) and caps it at 25 characters', () => {
    const payload = buildVietQrPayload({ ...ACCOUNT, purpose: 'Nộp lệ phí đăng ký khai sinh cho con' });
    expect(parseVietQrPayload(payload).purpose).toBe('Nop le phi dang ky khai s');
  });

  it('omits tag 54 and uses "11" without an amount; uses "12" with amount 0', () => {
    expect(buildVietQrPayload(ACCOUNT)).toMatch(/^000201010211/);
    expect(buildVietQrPayload(ACCOUNT)).not.toContain('5406');
    const zero = buildVietQrPayload({ ...ACCOUNT, amountVnd: 0 });
    expect(zero).toMatch(/^000201010212/);
    expect(zero).toContain('53037045401' + '0' + '5802VN');
  });

  it('adds merchant name and city (tags 59, 60) folded to ASCII', () => {
    const payload = buildVietQrPayload({ ...ACCOUNT, merchantName: 'UBND Xã Đông Hà', merchantCity: 'Quảng Trị' });
    expect(payload).toContain('5802VN5915UBND Xa Dong Ha6009Quang Tri6304');
  });

  it.each<[string, Partial<VietQrInput>, string]>([
    ['bankBin', { bankBin: '97040' }, 'bankBin'],
    ['bankBin letters', { bankBin: '97040A' }, 'bankBin'],
    ['empty account', { accountNumber: '' }, 'accountNumber'],
    ['20-char account', { accountNumber: '1'.repeat(20) }, 'accountNumber'],
    ['account with dash', { accountNumber: '0011-0123' }, 'accountNumber'],
    ['fractional amount', { amountVnd: 1.5 }, 'amountVnd'],
    ['negative amount', { amountVnd: -1 }, 'amountVnd'],
    ['14-digit amount', { amountVnd: 10_000_000_000_000 }, 'amountVnd'],
    ['NaN amount', { amountVnd: Number.NaN }, 'amountVnd'],
    ['empty reference', { reference: '' }, 'reference'],
    ['reference with space', { reference: 'HS 001' }, 'reference'],
    ['26-char reference', { reference: 'A'.repeat(26) }, 'reference'],
    ['Vietnamese reference', { reference: 'HSĐ01' }, 'reference'],
  ])('rejects %s', (_name, patch, field) => {
    const error = errorOf(() => buildVietQrPayload({ ...ACCOUNT, ...patch }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe(field);
  });

  it('accepts the largest 13-digit amount', () => {
    const payload = buildVietQrPayload({ ...ACCOUNT, amountVnd: 9_999_999_999_999 });
    expect(parseVietQrPayload(payload).amountVnd).toBe(9_999_999_999_999);
  });
});

describe('parseVietQrPayload', () => {
  it('returns the fields of 6.1.3', () => {
    expect(parseVietQrPayload(NAPAS.dynamicToAccount)).toEqual({
      payloadFormat: '01',
      pointOfInitiation: '12',
      bankBin: '970403',
      accountNumber: '0011012345678',
      serviceCode: 'QRIBFTTA',
      toCard: false,
      currency: '704',
      amountVnd: 180_000,
      countryCode: 'VN',
      reference: 'NPS6869',
      purpose: 'thanh toan don hang',
      crc: '2E2E',
    });
  });

  it('returns the fields of 6.1.2 and 6.1.4 (to card)', () => {
    expect(parseVietQrPayload(NAPAS.staticToCard)).toMatchObject({
      pointOfInitiation: '11',
      accountNumber: '9704031101234567',
      serviceCode: 'QRIBFTTC',
      toCard: true,
      amountVnd: undefined,
    });
    expect(parseVietQrPayload(NAPAS.dynamicToCard)).toMatchObject({ toCard: true, amountVnd: 180_000, reference: 'NPS6869' });
  });

  it('accepts a lowercase CRC and surrounding whitespace', () => {
    const lower = NAPAS.dynamicToAccount.slice(0, -4) + '2e2e';
    expect(parseVietQrPayload(` ${lower}\n`).crc).toBe('2E2E');
  });

  it('rejects a tampered payload with CRC_MISMATCH', () => {
    const tampered = NAPAS.dynamicToAccount.replace('180000', '190000');
    expect(errorOf(() => parseVietQrPayload(tampered)).code).toBe('CRC_MISMATCH');
  });

  it('rejects the published 6.1.1 text: its CRC is right but tag 38.01 is malformed', () => {
    const error = errorOf(() => parseVietQrPayload(NAPAS.staticToAccountAsPublished));
    expect(error.code).toBe('MALFORMED_PAYLOAD');
    expect(error.field).toBe('merchantAccount');
  });

  it('rejects a payload without a CRC object', () => {
    expect(errorOf(() => parseVietQrPayload(NAPAS.dynamicToAccount.slice(0, -8))).code).toBe('MALFORMED_PAYLOAD');
  });

  it('rejects a payload whose tag 38 is not NAPAS', () => {
    const body = '000201010211' + encodeTlv('38', encodeTlv('00', 'A000000775') + encodeTlv('01', '0105313144')) + '53037045802VN6304';
    expect(errorOf(() => parseVietQrPayload(body + crc16CcittFalse(body))).code).toBe('NOT_VIETQR');
  });

  it('rejects a non-VND currency', () => {
    const body = NAPAS.staticToCard.slice(0, -4).replace('5303704', '5303840');
    expect(errorOf(() => parseVietQrPayload(body + crc16CcittFalse(body))).code).toBe('NOT_VIETQR');
  });
});

describe('TLV', () => {
  it('encodes id + 2-digit length + value', () => {
    expect(encodeTlv('58', 'VN')).toBe('5802VN');
    expect(encodeTlv('62', 'x'.repeat(99))).toBe('6299' + 'x'.repeat(99));
  });

  it('rejects values longer than 99 characters, empty values and bad ids', () => {
    expect(() => encodeTlv('62', 'x'.repeat(100))).toThrow(/1\.\.99 characters, got 100/);
    expect(() => encodeTlv('62', '')).toThrow(/got 0/);
    expect(() => encodeTlv('6', 'x')).toThrow(/two digits/);
  });

  it('decodes a list and rejects truncated input', () => {
    expect(decodeTlv('0002015802VN')).toEqual([
      { id: '00', value: '01' },
      { id: '58', value: 'VN' },
    ]);
    expect(() => decodeTlv('5805VN')).toThrow(/declares 5 characters but only 2 remain/);
    expect(() => decodeTlv('580')).toThrow(/Malformed TLV header/);
  });
});

describe('toQrAscii', () => {
  it('strips Vietnamese diacritics, maps đ/Đ and collapses spaces', () => {
    expect(toQrAscii('  Đóng   phí  trước bạ\tđợt 1 ', 25)).toBe('Dong phi truoc ba dot 1');
    expect(toQrAscii('Ứng Ữ ỷ ơ ư ă â ê ô', 99)).toBe('Ung U y o u a a e o');
  });

  it('truncates without leaving a trailing space', () => {
    expect(toQrAscii('thanh toan don hang so 12345', 23)).toBe('thanh toan don hang so');
  });
});

describe('amountInWordsVi', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [8_000, 'Tám nghìn đồng'],
    [180_000, 'Một trăm tám mươi nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWordsVi(amount)).toBe(words);
  });

  it.each([
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [101, 'Một trăm linh một đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_001_000_000_000, 'Một nghìn không trăm linh một tỷ đồng'],
    [1_000_500_000_000, 'Một nghìn tỷ năm trăm triệu đồng'],
  ])('more rules: %d → %s', (amount, words) => {
    expect(amountInWordsVi(amount)).toBe(words);
  });

  it('rejects negatives, fractions and amounts above 999 999 999 999 999', () => {
    expect(() => amountInWordsVi(-1)).toThrow(RangeError);
    expect(() => amountInWordsVi(1.5)).toThrow(RangeError);
    expect(() => amountInWordsVi(1_000_000_000_000_000)).toThrow(RangeError);
  });
});
