/**
 * Folds Vietnamese text to a search key: lower case, no diacritics, đ → d, and only
 * [a-z0-9] words separated by single spaces. "ĐĂNG KÝ Khai sinh" → "dang ky khai sinh".
 * Pure and shared with the web clients, so the server's stored keys and the
 * browser's typed queries fold identically.
 */
const COMBINING_MARKS = /\p{M}+/gu;
// Both the Vietnamese đ (U+0111/U+0110) and the look-alike eth (U+00F0/U+00D0), which
// some keyboards and OCR output produce instead.
const D_STROKE = /[đðĐÐ]/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

export function foldVietnamese(s: string): string {
  // NFKD first so full-width letters and ligatures decompose; lower-casing can itself
  // produce combining marks (İ → i + U+0307), hence the second NFKD.
  return s
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, 'd')
    .replace(NOT_ALNUM, ' ')
    .trim();
}

/** The folded words of `s`, for "every query word is contained" matching. */
export function foldedWords(s: string): string[] {
  const folded = foldVietnamese(s);
  return folded ? folded.split(' ') : [];
}
