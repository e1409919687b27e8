/**
 * VietQR payloads: the NAPAS profile of the EMVCo merchant-presented QR (MPM).
 *
 * Sources: EMVCo QRCPS-MPM v1.1 (data objects, §4) and NAPAS "QR Format T&C v1.0"
 * (VN 09/2021), which fixes tag 38 for interbank fund transfer (IBFT, "NAPAS 247"):
 *   38.00 GUID "A000000727", 38.01 beneficiary template {00 BIN, 01 account/card},
 *   38.02 service code "QRIBFTTA" (to account) or "QRIBFTTC" (to card).
 */
import { crc16CcittFalse } from './crc16';
import { decodeTlv, decodeTlvMap, encodeTlvList, TlvError, type TlvField } from './tlv';

/** NAPAS application identifier carried in tag 38.00. */
export const NAPAS_GUID = 'A000000727';
/** NAPAS service codes (tag 38.02). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const SERVICE_TO_CARD = 'QRIBFTTC';
/** ISO 4217 numeric code of the Vietnamese đồng (tag 53). */
export const CURRENCY_VND = '704';
/** ISO 3166-1 alpha-2 country code (tag 58). */
export const COUNTRY_VN = 'VN';

/** EMVCo MPM §4.7 value limits. */
export const MAX_AMOUNT_VND = 9_999_999_999_999; // tag 54: up to 13 characters
export const MAX_REFERENCE_LENGTH = 25; // tag 62.01 bill number: ans..25
export const MAX_PURPOSE_LENGTH = 25; // tag 62.08 purpose: ans..25 (common VietQR cap)
export const MAX_MERCHANT_NAME_LENGTH = 25; // tag 59: ans..25
export const MAX_MERCHANT_CITY_LENGTH = 15; // tag 60: ans..15

/** Root and template tag ids (EMVCo MPM §4.2–4.8, NAPAS QR Format T&C v1.0 §3). */
const TAG = {
  payloadFormat: '00',
  initiation: '01',
  merchantAccount: '38',
  currency: '53',
  amount: '54',
  country: '58',
  merchantName: '59',
  merchantCity: '60',
  additionalData: '62',
  crc: '63',
} as const;
const MERCHANT_ACCOUNT = { guid: '00', beneficiary: '01', service: '02' } as const;
const BENEFICIARY = { bin: '00', account: '01' } as const;
const ADDITIONAL_DATA = { billNumber: '01', purpose: '08' } as const;

const PAYLOAD_FORMAT_VERSION = '01';
/** Tag 01: "11" static (reusable), "12" dynamic (one-time, amount fixed). */
const INITIATION_STATIC = '11';
const INITIATION_DYNAMIC = '12';
/** ID and length of the CRC object, included in the CRC input (EMVCo MPM §4.7.3). */
const CRC_PREFIX = `${TAG.crc}04`;

export type VietQrErrorCode = 'INVALID_INPUT' | 'MALFORMED_PAYLOAD' | 'CRC_MISMATCH' | 'NOT_VIETQR';

/** Typed failure of building or parsing a VietQR payload; `field` names the offending input. */
export class VietQrError extends Error {
  constructor(
    readonly code: VietQrErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'VietQrError';
  }
}

export interface VietQrInput {
  /** Bank identification number issued by NAPAS, 6 digits (e.g. "970403"). */
  bankBin: string;
  /** Beneficiary account number (or card number when `toCard`), 1–19 ASCII letters/digits. */
  accountNumber: string;
  /** Amount in whole đồng, integer 0..9 999 999 999 999; makes the QR dynamic ("12"). */
  amountVnd?: number;
  /** Bill number (tag 62.01), 1–25 ASCII letters/digits; used for statement matching. */
  reference?: string;
  /** Free text (tag 62.08); folded to ASCII (diacritics removed, đ→d) and cut to 25 chars. */
  purpose?: string;
  /** Tag 59, folded to ASCII and cut to 25 characters. */
  merchantName?: string;
  /** Tag 60, folded to ASCII and cut to 15 characters. */
  merchantCity?: string;
  /** Transfer to a card number (QRIBFTTC) instead of an account (QRIBFTTA). */
  toCard?: boolean;
}

export interface ParsedVietQr {
  payloadFormat: string;
  /** Tag 01 when present: "11" static, "12" dynamic. */
  pointOfInitiation?: '11' | '12';
  bankBin: string;
  accountNumber: string;
  serviceCode: string;
  toCard: boolean;
  currency: string;
  amountVnd?: number;
  countryCode?: string;
  merchantName?: string;
  merchantCity?: string;
  reference?: string;
  purpose?: string;
  /** The 4 uppercase hex digits of tag 63. */
  crc: string;
}

// ---------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------

/**
 * Folds text into the EMVCo "ans" common character set (printable ASCII 0x20–0x7E):
 * Vietnamese diacritics are removed (NFKD + drop combining marks, đ→d, Đ→D), any other
 * character becomes a space, whitespace is collapsed and trimmed, then cut to `maxLength`.
 */
export function toQrAscii(text: string, maxLength: number): string {
  const folded = text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const ascii = folded.replace(/[^\x20-\x7E]/g, ' ').replace(/ +/g, ' ').trim();
  return ascii.slice(0, maxLength).trimEnd();
}

// ---------------------------------------------------------------------------------------
// Input validation
// ---------------------------------------------------------------------------------------

const BIN_PATTERN = /^\d{6}$/;
const ACCOUNT_PATTERN = /^[A-Za-z0-9]{1,19}$/;
const REFERENCE_PATTERN = new RegExp(`^[A-Za-z0-9]{1,${MAX_REFERENCE_LENGTH}}$`);

function invalid(field: string, rule: string): VietQrError {
  return new VietQrError('INVALID_INPUT', `Invalid VietQR ${field}: ${rule}`, field);
}

function requireMatch(value: unknown, pattern: RegExp, field: string, rule: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw invalid(field, rule);
  }
  return value;
}

function requireAmount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_AMOUNT_VND) {
    throw invalid('amountVnd', `must be an integer from 0 to ${MAX_AMOUNT_VND} (at most 13 digits)`);
  }
  return value;
}

function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  const text = toQrAscii(value, maxLength);
  return text === '' ? undefined : text;
}

interface NormalizedInput {
  bankBin: string;
  accountNumber: string;
  amountVnd?: number;
  reference?: string;
  purpose?: string;
  merchantName?: string;
  merchantCity?: string;
  toCard: boolean;
}

function normalizeInput(input: VietQrInput): NormalizedInput {
  if (typeof input !== 'object' || input === null) throw invalid('input', 'must be an object');
  const toCard = input.toCard ?? false;
  if (typeof toCard !== 'boolean') throw invalid('toCard', 'must be a boolean');
  return {
    bankBin: requireMatch(input.bankBin, BIN_PATTERN, 'bankBin', 'must be exactly 6 digits'),
    accountNumber: requireMatch(
      input.accountNumber,
      ACCOUNT_PATTERN,
      'accountNumber',
      'must be 1-19 ASCII letters or digits',
    ),
    amountVnd: input.amountVnd === undefined ? undefined : requireAmount(input.amountVnd),
    reference:
      input.reference === undefined
        ? undefined
        : requireMatch(
            input.reference,
            REFERENCE_PATTERN,
            'reference',
            `must be 1-${MAX_REFERENCE_LENGTH} ASCII letters or digits`,
          ),
    purpose: optionalText(input.purpose, 'purpose', MAX_PURPOSE_LENGTH),
    merchantName: optionalText(input.merchantName, 'merchantName', MAX_MERCHANT_NAME_LENGTH),
    merchantCity: optionalText(input.merchantCity, 'merchantCity', MAX_MERCHANT_CITY_LENGTH),
    toCard,
  };
}

// ---------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------

/** Keeps only the fields that have a value, in the given (ascending tag) order. */
function present(fields: ReadonlyArray<{ id: string; value: string | undefined }>): TlvField[] {
  return fields.filter((field): field is TlvField => field.value !== undefined);
}

/** Tag 38 per NAPAS QR Format T&C v1.0: GUID, beneficiary {BIN, account}, service code. */
function merchantAccountValue(input: NormalizedInput): string {
  const beneficiary = encodeTlvList([
    { id: BENEFICIARY.bin, value: input.bankBin },
    { id: BENEFICIARY.account, value: input.accountNumber },
  ]);
  return encodeTlvList([
    { id: MERCHANT_ACCOUNT.guid, value: NAPAS_GUID },
    { id: MERCHANT_ACCOUNT.beneficiary, value: beneficiary },
    { id: MERCHANT_ACCOUNT.service, value: input.toCard ? SERVICE_TO_CARD : SERVICE_TO_ACCOUNT },
  ]);
}

/** Tag 62 (EMVCo MPM §4.8): 01 bill number, 08 purpose of transaction; undefined if empty. */
function additionalDataValue(input: NormalizedInput): string | undefined {
  const fields = present([
    { id: ADDITIONAL_DATA.billNumber, value: input.reference },
    { id: ADDITIONAL_DATA.purpose, value: input.purpose },
  ]);
  return fields.length === 0 ? undefined : encodeTlvList(fields);
}

/**
 * Builds the full VietQR string, ending with tag 63 whose CRC covers everything before it
 * including "6304". Throws VietQrError (code INVALID_INPUT) on bad input.
 */
export function buildVietQrPayload(input: VietQrInput): string {
  const normalized = normalizeInput(input);
  const hasAmount = normalized.amountVnd !== undefined;
  const body = encodeTlvList(
    present([
      { id: TAG.payloadFormat, value: PAYLOAD_FORMAT_VERSION },
      { id: TAG.initiation, value: hasAmount ? INITIATION_DYNAMIC : INITIATION_STATIC },
      { id: TAG.merchantAccount, value: merchantAccountValue(normalized) },
      { id: TAG.currency, value: CURRENCY_VND },
      { id: TAG.amount, value: hasAmount ? String(normalized.amountVnd) : undefined },
      { id: TAG.country, value: COUNTRY_VN },
      { id: TAG.merchantName, value: normalized.merchantName },
      { id: TAG.merchantCity, value: normalized.merchantCity },
      { id: TAG.additionalData, value: additionalDataValue(normalized) },
    ]),
  );
  const crcInput = body + CRC_PREFIX;
  return crcInput + crc16CcittFalse(crcInput);
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

function malformed(message: string, field?: string): VietQrError {
  return new VietQrError('MALFORMED_PAYLOAD', `Malformed VietQR payload: ${message}`, field);
}

/** Runs a TLV decode, turning TlvError into VietQrError(MALFORMED_PAYLOAD). */
function decoded<T>(decode: () => T, field: string): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof TlvError) throw malformed(error.message, field);
    throw error;
  }
}

/** EMVCo MPM §4.7.3: tag 63 is last, 4 hex digits, over everything up to and including "6304". */
function verifyCrc(payload: string): string {
  const match = /6304([0-9A-Fa-f]{4})$/.exec(payload);
  if (!match?.[1]) throw malformed('it must end with the CRC object "6304" + 4 hex digits', 'crc');
  const expected = crc16CcittFalse(payload.slice(0, -4));
  const actual = match[1].toUpperCase();
  if (actual !== expected) {
    throw new VietQrError('CRC_MISMATCH', `VietQR CRC mismatch: payload says ${actual}, computed ${expected}`, 'crc');
  }
  return actual;
}

/** Decodes the root list; EMVCo MPM §4.1: tag 00 first, tag 63 last, each id once. */
function decodeRoot(payload: string): Map<string, string> {
  const fields = decoded(() => decodeTlv(payload), 'payload');
  if (fields[0]?.id !== TAG.payloadFormat) throw malformed('tag 00 must come first', 'payloadFormat');
  if (fields[fields.length - 1]?.id !== TAG.crc) throw malformed('tag 63 must come last', 'crc');
  return decoded(() => decodeTlvMap(payload), 'payload');
}

function parseInitiation(value: string | undefined): '11' | '12' | undefined {
  if (value === undefined || value === INITIATION_STATIC || value === INITIATION_DYNAMIC) return value;
  throw malformed(`tag 01 must be "11" or "12", got "${value}"`, 'pointOfInitiation');
}

/** Tag 54: VND has no minor unit, so only whole numbers (an all-zero fraction is tolerated). */
function parseAmount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,13})(?:\.0*)?$/.exec(value);
  if (!match?.[1] || value.length > 13) throw malformed(`tag 54 is not a whole VND amount: "${value}"`, 'amountVnd');
  return Number(match[1]);
}

interface Beneficiary {
  bankBin: string;
  accountNumber: string;
  serviceCode: string;
}

/** Tag 38 per NAPAS QR Format T&C v1.0; throws NOT_VIETQR when the GUID is not NAPAS's. */
function parseMerchantAccount(value: string | undefined): Beneficiary {
  if (value === undefined) throw new VietQrError('NOT_VIETQR', 'Not a VietQR payload: tag 38 is missing', 'merchantAccount');
  const template = decoded(() => decodeTlvMap(value), 'merchantAccount');
  const guid = template.get(MERCHANT_ACCOUNT.guid);
  if (guid !== NAPAS_GUID) {
    throw new VietQrError('NOT_VIETQR', `Not a VietQR payload: tag 38.00 is "${guid ?? ''}"`, 'merchantAccount');
  }
  const beneficiary = decoded(() => decodeTlvMap(template.get(MERCHANT_ACCOUNT.beneficiary) ?? ''), 'merchantAccount');
  const bankBin = beneficiary.get(BENEFICIARY.bin) ?? '';
  const accountNumber = beneficiary.get(BENEFICIARY.account) ?? '';
  const serviceCode = template.get(MERCHANT_ACCOUNT.service) ?? '';
  if (!BIN_PATTERN.test(bankBin)) throw malformed('tag 38.01.00 must be a 6-digit BIN', 'bankBin');
  if (accountNumber === '') throw malformed('tag 38.01.01 (account) is missing', 'accountNumber');
  if (serviceCode === '') throw malformed('tag 38.02 (service code) is missing', 'serviceCode');
  return { bankBin, accountNumber, serviceCode };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Parses and verifies a VietQR string (CRC first, then structure). Throws VietQrError with
 * code CRC_MISMATCH, MALFORMED_PAYLOAD or NOT_VIETQR (missing/foreign tag 38, currency ≠ 704).
 */
export function parseVietQrPayload(payload: string): ParsedVietQr {
  if (typeof payload !== 'string') throw malformed('payload must be a string');
  const text = payload.trim();
  const crc = verifyCrc(text);
  const root = decodeRoot(text);
  const payloadFormat = root.get(TAG.payloadFormat) ?? '';
  if (payloadFormat !== PAYLOAD_FORMAT_VERSION) throw malformed(`tag 00 must be "01", got "${payloadFormat}"`, 'payloadFormat');
  const currency = root.get(TAG.currency) ?? '';
  if (currency !== CURRENCY_VND) {
    throw new VietQrError('NOT_VIETQR', `Not a VND VietQR payload: tag 53 is "${currency}"`, 'currency');
  }
  const beneficiary = parseMerchantAccount(root.get(TAG.merchantAccount));
  const additional = decoded(() => decodeTlvMap(root.get(TAG.additionalData) ?? ''), 'additionalData');
  return {
    payloadFormat,
    pointOfInitiation: parseInitiation(root.get(TAG.initiation)),
    ...beneficiary,
    toCard: beneficiary.serviceCode === SERVICE_TO_CARD,
    currency,
    amountVnd: parseAmount(root.get(TAG.amount)),
    countryCode: nonEmpty(root.get(TAG.country)),
    merchantName: nonEmpty(root.get(TAG.merchantName)),
    merchantCity: nonEmpty(root.get(TAG.merchantCity)),
    reference: nonEmpty(additional.get(ADDITIONAL_DATA.billNumber)),
    purpose: nonEmpty(additional.get(ADDITIONAL_DATA.purpose)),
    crc,
  };
}

/** True when `payload` ends with a tag 63 whose CRC matches (no structural checks). */
export function hasValidVietQrCrc(payload: string): boolean {
  try {
    verifyCrc(payload.trim());
    return true;
  } catch {
    return false;
  }
}
