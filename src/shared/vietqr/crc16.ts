/**
 * CRC-16/CCITT-FALSE as required for the EMVCo merchant-presented QR "CRC" data object (tag 63).
 *
 * EMVCo QRCPS-MPM v1.1 §4.7.3 and NAPAS "QR Format T&C v1.0" (tag 63): polynomial 0x1021,
 * initial value 0xFFFF, no reflection, no final XOR, computed over the payload bytes up to and
 * including the ID and length of the CRC object ("6304"). The result is 4 uppercase hex digits.
 * Check value: "123456789" → "29B1".
 */

const POLYNOMIAL = 0x1021;
const INITIAL_VALUE = 0xffff;

const TABLE: readonly number[] = buildTable();

function buildTable(): number[] {
  const table: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ POLYNOMIAL) & 0xffff : (crc << 1) & 0xffff;
    }
    table.push(crc);
  }
  return table;
}

/** Raw 16-bit CRC of the UTF-8 bytes of `input` (EMVCo payloads are ASCII, so bytes = chars). */
export function crc16CcittFalseValue(input: string): number {
  let crc = INITIAL_VALUE;
  for (const byte of new TextEncoder().encode(input)) {
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  return crc;
}

/** CRC-16/CCITT-FALSE of `input` as 4 uppercase hex characters, e.g. "29B1". */
export function crc16CcittFalse(input: string): string {
  return crc16CcittFalseValue(input).toString(16).toUpperCase().padStart(4, '0');
}
