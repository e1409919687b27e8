/**
 * Payment reference (mã thanh toán): identifies the dossier in a bank transfer.
 * `XS` + commune code (5 digits) + receipt day YYMMDD + daily sequence (4–8 digits,
 * as in the dossier code, TT 01/2018 Art. 19) + one ISO/IEC 7064 MOD 37,36 check
 * character, e.g. XS211152511220001 + check = 18 characters. Only A–Z and 0–9, at most
 * 22 characters: it fits the VietQR bill number (tag 62.01, ans..25) and the 25
 * characters banks keep of a transfer note; the check character catches every single
 * mistyped character and all but about 0.2% of swapped neighbours when a citizen types
 * the note by hand.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;
export const REFERENCE_PREFIX = 'XS';

/** ISO/IEC 7064 hybrid system MOD 37,36: the check character for `body` (A–Z, 0–9). */
export function mod3736Check(body: string): string {
  let p = M;
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not alphanumeric: ${ch}`);
    p = (p + v) % M || M;
    p = (p * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M]!;
}

export function hasValidCheck(reference: string): boolean {
  return reference.length > 1 && /^[0-9A-Z]+$/.test(reference) && mod3736Check(reference.slice(0, -1)) === reference.slice(-1);
}

/** The reference of a dossier, from its commune and its code `<agency>-YYMMDD-XXXX`. */
export function paymentReference(communeCode: string, dossierCode: string): string {
  const m = /-(\d{6})-(\d{4,8})$/.exec(dossierCode);
  if (!m || !/^\d{5}$/.test(communeCode)) throw new RangeError(`cannot derive a reference from ${communeCode} ${dossierCode}`);
  const body = `${REFERENCE_PREFIX}${communeCode}${m[1]}${m[2]}`;
  return body + mod3736Check(body);
}

/**
 * Every well-formed reference inside a bank's transfer note. Banks add prefixes,
 * change case and insert spaces or dots, so the note is upper-cased and stripped to
 * A–Z0–9 first; each candidate length is tried and only those whose check character
 * holds are kept (the caller then looks them up).
 */
export function findReferences(note: string): string[] {
  const s = note.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const found = new Set<string>();
  for (let i = s.indexOf(REFERENCE_PREFIX); i >= 0; i = s.indexOf(REFERENCE_PREFIX, i + 1)) {
    for (let seq = 4; seq <= 8; seq++) {
      const candidate = s.slice(i, i + 2 + 5 + 6 + seq + 1);
      if (candidate.length === 2 + 5 + 6 + seq + 1 && /^XS\d+[0-9A-Z]$/.test(candidate) && hasValidCheck(candidate)) found.add(candidate);
    }
  }
  return [...found];
}
