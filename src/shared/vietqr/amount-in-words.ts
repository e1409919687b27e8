/**
 * Vietnamese amount in words for receipts (biên lai), e.g. 180 000 → "Một trăm tám mươi nghìn đồng".
 *
 * Reading rules (standard Vietnamese numeral reading, as used on financial documents):
 *  - 10–19 read "mười …" (10 → "mười", 11 → "mười một", 14 → "mười bốn");
 *  - a final 1 after tens ≥ 2 reads "mốt" (21 → "hai mươi mốt");
 *  - a final 5 after any tens reads "lăm" (15 → "mười lăm", 25 → "hai mươi lăm");
 *  - a final 4 after tens ≥ 2 reads "tư" (24 → "hai mươi tư");
 *  - a zero tens digit before a unit reads "linh" (105 → "một trăm linh năm");
 *  - a group after a higher non-zero group is read in full, with "không trăm"
 *    (1 005 000 → "một triệu không trăm linh năm nghìn"); all-zero groups are skipped;
 *  - group units: nghìn (10³), triệu (10⁶), tỷ (10⁹); above tỷ the count of tỷ is itself read
 *    as a number (10¹² → "một nghìn tỷ").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUP_UNITS = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

/** Largest supported amount: 999 nghìn tỷ 999 triệu … (15 digits, a safe integer). */
export const MAX_AMOUNT_IN_WORDS = 999_999_999_999_999;

function digit(value: number): string {
  return DIGITS[value] ?? '';
}

/** The unit digit after a tens digit, applying "mốt", "tư" and "lăm". */
function unitAfterTens(tens: number, unit: number): string[] {
  if (unit === 0) return [];
  if (unit === 5) return ['lăm'];
  if (tens >= 2 && unit === 1) return ['mốt'];
  if (tens >= 2 && unit === 4) return ['tư'];
  return [digit(unit)];
}

/**
 * Words for a group 0..999. `full` reads the hundreds even when 0 ("không trăm") and uses
 * "linh" for a zero tens digit; it is set for every group after the leading one.
 */
function readGroup(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const unit = group % 10;
  const words: string[] = [];
  const withHundreds = full || hundreds > 0;
  if (withHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (unit > 0 && withHundreds) words.push('linh');
    if (unit > 0) words.push(digit(unit));
    return words;
  }
  words.push(...(tens === 1 ? ['mười'] : [digit(tens), 'mươi']));
  words.push(...unitAfterTens(tens, unit));
  return words;
}

/** Words for 1..999 999 999, skipping all-zero groups. `full` as for readGroup's first group. */
function readBelowBillion(value: number, full: boolean): string[] {
  const words: string[] = [];
  let leading = !full;
  for (let index = GROUP_UNITS.length - 1; index >= 0; index--) {
    const group = Math.floor(value / 1000 ** index) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, !leading));
    if (GROUP_UNITS[index]) words.push(GROUP_UNITS[index] ?? '');
    leading = false;
  }
  return words;
}

/** Words for 1..MAX: the number of tỷ is read recursively, then the remainder in full. */
function readPositive(value: number, full: boolean): string[] {
  if (value < BILLION) return readBelowBillion(value, full);
  const billions = Math.floor(value / BILLION);
  const rest = value % BILLION;
  const words = [...readPositive(billions, full), 'tỷ'];
  return rest === 0 ? words : [...words, ...readBelowBillion(rest, true)];
}

function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + text.slice(head.length);
}

/**
 * Vietnamese words for an integer amount of đồng, capitalised and ending with " đồng".
 * 0 → "Không đồng"; 1 005 000 → "Một triệu không trăm linh năm nghìn đồng".
 * Throws RangeError outside integers 0..999 999 999 999 999.
 */
export function amountInWordsVi(amount: number): string {
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT_IN_WORDS) {
    throw new RangeError(`amountInWordsVi: expected an integer from 0 to ${MAX_AMOUNT_IN_WORDS}, got ${amount}`);
  }
  const words = amount === 0 ? [digit(0)] : readPositive(amount, false);
  return `${capitalize(words.join(' '))} đồng`;
}
