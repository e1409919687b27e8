import fc from 'fast-check';
import { QRPay } from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import {
  amountInWordsVi,
  buildVietQrPayload,
  crc16CcittFalse,
  decodeTlv,
  encodeTlvList,
  MAX_AMOUNT_IN_WORDS,
  MAX_AMOUNT_VND,
  parseVietQrPayload,
  SERVICE_TO_ACCOUNT,
  SERVICE_TO_CARD,
  VietQrError,
  type VietQrInput,
} from './index';

/**
 * Property tests. The independent parser is the npm package "vietnam-qr-pay" (MIT, its own
 * TLV walker and CRC-16 table), so a mistake shared by our builder and our parser still shows.
 */

const RUNS = { numRuns: 300 };
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
const VIETNAMESE_TEXT = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠ', ' ', ' ', '-', '.', '0', '9'];

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: length, maxLength: length });
const alnum = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength });
const vietnameseText = fc.string({ unit: fc.constantFrom(...VIETNAMESE_TEXT), maxLength: 40 });

const validInput: fc.Arbitrary<VietQrInput> = fc.record(
  {
    bankBin: digits(6),
    accountNumber: alnum(19),
    amountVnd: fc.integer({ min: 0, max: MAX_AMOUNT_VND }),
    reference: alnum(25),
    purpose: vietnameseText,
    merchantName: vietnameseText,
    merchantCity: vietnameseText,
    toCard: fc.boolean(),
  },
  { requiredKeys: ['bankBin', 'accountNumber'] },
);

describe('VietQR payload properties', () => {
  it('(a, c) decodes with the independent parser vietnam-qr-pay with the same fields', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const other = new QRPay(buildVietQrPayload(input));
        expect(other.isValid).toBe(true);
        expect(other.provider.guid).toBe('A000000727');
        expect(other.provider.service).toBe(input.toCard ? SERVICE_TO_CARD : SERVICE_TO_ACCOUNT);
        expect(other.consumer.bankBin).toBe(input.bankBin);
        expect(other.consumer.bankNumber).toBe(input.accountNumber);
        expect(other.amount).toBe(input.amountVnd === undefined ? undefined : String(input.amountVnd));
        expect(other.initMethod).toBe(input.amountVnd === undefined ? '11' : '12');
        expect(other.additionalData.billNumber).toBe(input.reference);
        expect(other.currency).toBe('704');
        expect(other.nation).toBe('VN');
      }),
      RUNS,
    );
  });

  it('(b) carries a CRC over everything before it, including "6304", that our parser verifies', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const payload = buildVietQrPayload(input);
        expect(payload.slice(-8, -4)).toBe('6304');
        expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)));
        expect(parseVietQrPayload(payload).crc).toBe(payload.slice(-4));
      }),
      RUNS,
    );
  });

  it('(b) rejects any single changed character (CRC-16 catches every burst ≤ 16 bits)', () => {
    fc.assert(
      fc.property(validInput, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (input, at, code) => {
        const payload = buildVietQrPayload(input);
        const index = at % payload.length;
        fc.pre(payload.charCodeAt(index) !== code);
        const changed = payload.slice(0, index) + String.fromCharCode(code) + payload.slice(index + 1);
        expect(() => parseVietQrPayload(changed)).toThrow(VietQrError);
      }),
      RUNS,
    );
  });

  it('(c) round-trips amount, BIN, account, reference and card flag through our parser', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const parsed = parseVietQrPayload(buildVietQrPayload(input));
        expect(parsed.bankBin).toBe(input.bankBin);
        expect(parsed.accountNumber).toBe(input.accountNumber);
        expect(parsed.amountVnd).toBe(input.amountVnd);
        expect(parsed.reference).toBe(input.reference);
        expect(parsed.toCard).toBe(input.toCard ?? false);
        expect(parsed.pointOfInitiation).toBe(input.amountVnd === undefined ? '11' : '12');
      }),
      RUNS,
    );
  });

  it('keeps purpose, name and city in printable ASCII within the EMVCo caps', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const parsed = parseVietQrPayload(buildVietQrPayload(input));
        for (const [text, cap] of [
          [parsed.purpose, 25],
          [parsed.merchantName, 25],
          [parsed.merchantCity, 15],
        ] as const) {
          if (text === undefined) continue;
          expect(text).toMatch(/^[\x20-\x7e]+$/);
          expect(text.length).toBeLessThanOrEqual(cap);
          expect(text).toBe(text.trim());
        }
        expect(new QRPay(buildVietQrPayload(input)).additionalData.purpose).toBe(parsed.purpose);
      }),
      RUNS,
    );
  });
});

describe('TLV properties', () => {
  it('decode(encode(fields)) returns the fields', () => {
    const field = fc.record({
      id: digits(2),
      value: fc.string({ minLength: 1, maxLength: 99, unit: 'grapheme-ascii' }),
    });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), (fields) => {
        expect(decodeTlv(encodeTlvList(fields))).toEqual(fields);
      }),
      RUNS,
    );
  });
});

describe('amountInWordsVi properties', () => {
  it('(d) has no double spaces, starts upper-case and ends with "đồng"', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: MAX_AMOUNT_IN_WORDS }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 999 }).map((n) => n * 1_000_000),
    );
    fc.assert(
      fc.property(amount, (n) => {
        const words = amountInWordsVi(n);
        expect(words).not.toContain('  ');
        expect(words).toMatch(/^\p{Lu}/u);
        expect(words.endsWith('đồng')).toBe(true);
        expect(words).toBe(words.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads "mươi một", "mươi năm" or "mươi không", and "linh" only before one digit word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_IN_WORDS }), (n) => {
        const words = amountInWordsVi(n).toLowerCase();
        expect(words).not.toMatch(/mươi (một|năm|không)\b/u);
        expect(words).not.toMatch(/mười (năm|không)\b/u);
        expect(words).not.toMatch(/linh (mười|\S+ mươi)/u);
      }),
      { numRuns: 1000 },
    );
  });
});
