import { contentWidth, type PdfDoc } from './document';
import { formatVietnameseDate } from './dates';

export interface HeaderInput {
  /** The governing body, e.g. "UBND XÃ TRÀ BỒNG" (upper case, not bold). */
  parentAgency: string;
  /** The issuing unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (upper case, bold). */
  agency: string;
  /** "Số: 12/TNHS"; omitted when the form has no number. */
  number?: string;
  /** Place name before the date, e.g. "Trà Bồng". */
  place: string;
  date: Date;
  /** Base size: 12–13 on A4, about 9.5 on A5. */
  fontSize?: number;
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The header of every administrative document (ND 30/2020/NĐ-CP Phụ lục I, ô 1–4):
 * agency on the left, Quốc hiệu and Tiêu ngữ on the right, each underlined by a short
 * rule, then the number on the left and "place, ngày … tháng … năm …" in italics on
 * the right. Leaves doc.y below the block.
 */
export function drawNationalHeader(doc: PdfDoc, h: HeaderInput): void {
  const size = h.fontSize ?? 9.5;
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightX = x0 + leftW;
  const rightW = width - leftW;
  const top = doc.y;

  doc.font('regular').fontSize(size).text(h.parentAgency.toUpperCase(), x0, top, { width: leftW, align: 'center' });
  doc.font('bold').fontSize(size).text(h.agency.toUpperCase(), x0, doc.y, { width: leftW, align: 'center' });
  const leftBottom = doc.y;
  rule(doc, x0 + leftW / 2, leftBottom + 2, leftW * 0.3);

  doc.font('bold').fontSize(size).text(NATIONAL_TITLE, rightX, top, { width: rightW, align: 'center' });
  doc.font('bold').fontSize(size + 1).text(NATIONAL_MOTTO, rightX, doc.y, { width: rightW, align: 'center' });
  const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
  const rightBottom = doc.y;
  rule(doc, rightX + rightW / 2, rightBottom + 2, mottoWidth);

  const lineY = Math.max(leftBottom, rightBottom) + 8;
  if (h.number) doc.font('regular').fontSize(size).text(h.number, x0, lineY, { width: leftW, align: 'center' });
  doc.font('italic').fontSize(size + 0.5).text(`${h.place}, ${formatVietnameseDate(h.date)}`, rightX, lineY, { width: rightW, align: 'center' });
  doc.x = x0;
  doc.y = doc.y + size * 1.2;
}

/** A centred horizontal rule of the given length. */
function rule(doc: PdfDoc, centerX: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(centerX - length / 2, y).lineTo(centerX + length / 2, y).stroke().restore();
}

/** The form's title in bold capitals, centred, with an optional line under it (e.g. "Mã hồ sơ: …"). */
export function drawTitle(doc: PdfDoc, title: string, subtitle?: string, size = 11.5): void {
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(size).text(title.toUpperCase(), x0, doc.y, { width, align: 'center' });
  if (subtitle) doc.font('regular').fontSize(size - 1.5).text(subtitle, x0, doc.y + 1, { width, align: 'center' });
  doc.x = x0;
  doc.moveDown(0.7);
}

/** Top-right box naming the form ("Mẫu số 01"), as the circulars print it. */
export function drawFormTag(doc: PdfDoc, tag: string, size = 8): void {
  const right = doc.page.width - doc.page.margins.right;
  const y = doc.page.margins.top - size - 6;
  doc.font('italic').fontSize(size).text(tag, right - 120, Math.max(4, y), { width: 120, align: 'right' });
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}
