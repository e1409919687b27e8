/** VietQR (NAPAS EMVCo merchant-presented QR) and Vietnamese amount-in-words: pure functions. */
export { crc16CcittFalse, crc16CcittFalseValue } from './crc16';
export { decodeTlv, decodeTlvMap, encodeTlv, encodeTlvList, MAX_TLV_VALUE_LENGTH, TlvError } from './tlv';
export type { TlvField } from './tlv';
export {
  buildVietQrPayload,
  COUNTRY_VN,
  CURRENCY_VND,
  hasValidVietQrCrc,
  MAX_AMOUNT_VND,
  MAX_MERCHANT_CITY_LENGTH,
  MAX_MERCHANT_NAME_LENGTH,
  MAX_PURPOSE_LENGTH,
  MAX_REFERENCE_LENGTH,
  NAPAS_GUID,
  parseVietQrPayload,
  SERVICE_TO_ACCOUNT,
  SERVICE_TO_CARD,
  toQrAscii,
  VietQrError,
} from './payload';
export type { ParsedVietQr, VietQrErrorCode, VietQrInput } from './payload';
export { amountInWordsVi, MAX_AMOUNT_IN_WORDS } from './amount-in-words';
