/**
 * Shared PDF plumbing (no business rules): official slips, receipts, leaflets.
 *
 * - `createPdf({ size: 'A5' | 'A4', landscape?, title, author?, createdAt? })` → `{ doc, font(style, size), finish() }`.
 *   The Vietnamese font Tinos (metric twin of Times New Roman, required by ND 30/2020/NĐ-CP Phụ lục I) is embedded
 *   (subset) from the npm package @expo-google-fonts/tinos, registered as 'regular' | 'bold' | 'italic' | 'boldItalic'.
 *   `finish()` resolves with the PDF bytes. `doc` is a pdfkit document: anything pdfkit does works on it.
 * - `drawNationalHeader(doc, { parentAgency, agency, number?, place, date })`: agency left, Quốc hiệu
 *   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" right, "place, ngày … tháng … năm …".
 * - `drawTitle`, `drawFormTag` ("Mẫu số 01"), `drawField` (label: **value**), `drawParagraph`, `drawNumberedList`.
 * - Tests: `readPdf(bytes)` in `pdf-test-utils.ts` (page sizes, text, decoded QR codes; dev dependencies only).
 * - `drawTable(doc, columns, rows, opts)`: ruled, wrapping cells, header repeated on each page.
 * - `drawSignatures(doc, [{ title, hint, name }])`: signature blocks side by side.
 * - `renderQrPng(text)` (PNG Buffer) and `drawQr(doc, url, x, y, size, caption?)`.
 * - `formatVietnameseDate`, `formatSlipTime`, `formatShortDate`: Asia/Ho_Chi_Minh, as printed on forms.
 * - `numberPages(doc)`: "Trang i/n" footers (call before finish()).
 * - `sendPdf(reply, bytes, filename)`: the HTTP response (inline, no caching of personal data).
 *
 * A5 is 419.5 × 595.3 pt, A4 595.3 × 841.9 pt. Layout sizes suited to A5: body 9.5 pt, header 9.5 pt.
 */
export { createPdf, contentWidth, ensureSpace, numberPages, type PdfDoc, type PdfBuilder, type PdfOptions, type PaperSize } from './document';
export { drawNationalHeader, drawTitle, drawFormTag, NATIONAL_TITLE, NATIONAL_MOTTO, type HeaderInput } from './header';
export { drawField, drawParagraph, drawNumberedList, drawSignatures, LINE_GAP, type SignatureBlock } from './blocks';
export { drawTable, type TableColumn, type TableOptions } from './table';
export { renderQrPng, drawQr } from './qr';
export { formatVietnameseDate, formatSlipTime, formatShortDate } from './dates';
export { sendPdf } from './http';
export { FONT_FILES, type FontStyle } from './fonts';
