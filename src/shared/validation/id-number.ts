/**
 * Personal identification number (số định danh cá nhân, printed on the CCCD):
 * 12 digits — province of birth registration (3), century+sex (1), year (2),
 * random (6) (TT 59/2021/TT-BCA).
 */
export function isValidIdNumber(s: string): boolean {
  return /^\d{12}$/.test(s);
}

/** 012345678901 → ********8901 (Decree 13/2023: lists and logs never show the full number). */
export function maskIdNumber(id: string): string {
  return id.length <= 4 ? '****' : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

/** "Nguyễn Văn An" → "N*** V** A*": recognisable to its owner on a public page, not to others. */
export function maskFullName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => (w.length <= 1 ? w : `${w[0]}${'*'.repeat(Math.min(3, w.length - 1))}`))
    .join(' ');
}
