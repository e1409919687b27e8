/**
 * EMVCo TLV ("ID / Length / Value") data objects, EMVCo QRCPS-MPM v1.1 §4.1 and
 * NAPAS "QR Format T&C v1.0" §3: a 2-digit numeric ID, a 2-digit numeric length "01".."99"
 * counting characters of the value, then the value. Templates (e.g. tags 38 and 62) hold
 * nested TLV lists in their value.
 */

export interface TlvField {
  /** Two decimal digits, "00".."99". */
  readonly id: string;
  readonly value: string;
}

/** Thrown for any TLV that cannot be encoded or decoded. */
export class TlvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvError';
  }
}

const ID_PATTERN = /^\d{2}$/;
const LENGTH_PATTERN = /^\d{2}$/;
/** EMVCo §4.1: the length field is two digits, so a value holds at most 99 characters. */
export const MAX_TLV_VALUE_LENGTH = 99;

/** Characters are counted as Unicode code points (identical to bytes for ASCII payloads). */
function charCount(value: string): number {
  return Array.from(value).length;
}

/** Encodes one data object: id + 2-digit length + value. */
export function encodeTlv(id: string, value: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new TlvError(`TLV id must be two digits, got "${id}"`);
  }
  const length = charCount(value);
  if (length < 1 || length > MAX_TLV_VALUE_LENGTH) {
    throw new TlvError(
      `TLV value for id ${id} must be 1..${MAX_TLV_VALUE_LENGTH} characters, got ${length}`,
    );
  }
  return `${id}${String(length).padStart(2, '0')}${value}`;
}

/** Encodes a list of data objects in the given order. */
export function encodeTlvList(fields: readonly TlvField[]): string {
  return fields.map((field) => encodeTlv(field.id, field.value)).join('');
}

/**
 * Decodes a concatenation of data objects. Throws TlvError on a non-numeric id or length
 * or on a value that runs past the end of the input. A "00" length decodes to an empty value
 * (tolerated on input; callers decide whether the field may be empty).
 */
export function decodeTlv(input: string): TlvField[] {
  const chars = Array.from(input);
  const fields: TlvField[] = [];
  let position = 0;
  while (position < chars.length) {
    const header = chars.slice(position, position + 4).join('');
    const id = header.slice(0, 2);
    const lengthText = header.slice(2, 4);
    if (header.length < 4 || !ID_PATTERN.test(id) || !LENGTH_PATTERN.test(lengthText)) {
      throw new TlvError(`Malformed TLV header "${header}" at character ${position}`);
    }
    const length = Number(lengthText);
    const start = position + 4;
    if (start + length > chars.length) {
      throw new TlvError(`TLV id ${id} declares ${length} characters but only ${chars.length - start} remain`);
    }
    fields.push({ id, value: chars.slice(start, start + length).join('') });
    position = start + length;
  }
  return fields;
}

/** Decodes a TLV list into a map, rejecting duplicate ids (EMVCo §4.1: each ID appears once). */
export function decodeTlvMap(input: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of decodeTlv(input)) {
    if (map.has(field.id)) {
      throw new TlvError(`Duplicate TLV id ${field.id}`);
    }
    map.set(field.id, field.value);
  }
  return map;
}
