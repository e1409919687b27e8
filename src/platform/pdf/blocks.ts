import { contentWidth, ensureSpace, type PdfDoc } from './document';

/** Extra space between wrapped lines: forms are read by people with poor eyesight too. */
export const LINE_GAP = 1.2;

/** "Label: value" on one wrapped line, the label in regular and the value in bold; `width` leaves room for a QR beside it. */
export function drawField(doc: PdfDoc, label: string, value: string, size = 9.5, width = contentWidth(doc)): void {
  const x0 = doc.page.margins.left;
  doc.font('regular').fontSize(size).text(`${label}: `, x0, doc.y, { width, continued: true, lineGap: LINE_GAP });
  doc.font('bold').text(value || '…………………………', { continued: false, lineGap: LINE_GAP });
}

/** A paragraph of body text, justified, as in the printed forms. */
export function drawParagraph(doc: PdfDoc, text: string, opts: { size?: number; style?: 'regular' | 'bold' | 'italic'; indent?: number; gap?: number } = {}): void {
  const x0 = doc.page.margins.left;
  doc.font(opts.style ?? 'regular').fontSize(opts.size ?? 9.5).text(text, x0, doc.y, {
    width: contentWidth(doc), align: 'justify', indent: opts.indent ?? 0, paragraphGap: opts.gap ?? 1.5, lineGap: LINE_GAP,
  });
}

/** A numbered list ("1. …"), each item wrapped under its own text. */
export function drawNumberedList(doc: PdfDoc, items: readonly string[], size = 9.5, indent = 12): void {
  const x0 = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent;
  items.forEach((item, i) => {
    const label = `${i + 1}. `;
    doc.font('regular').fontSize(size);
    const labelW = doc.widthOfString(label);
    ensureSpace(doc, size * 1.4);
    const y = doc.y;
    doc.text(label, x0, y, { width: labelW, lineBreak: false });
    doc.text(item, x0 + labelW, y, { width: width - labelW, paragraphGap: 1, lineGap: LINE_GAP });
  });
  doc.x = doc.page.margins.left;
}

export interface SignatureBlock {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ" */
  title: string;
  /** "(Ký và ghi rõ họ tên)" */
  hint?: string;
  /** Printed under the space left for the signature; blank when unknown. */
  name?: string | null;
}

/**
 * Signature blocks side by side (one to three), each centred in its column with
 * room to sign. ND 30/2020 Phụ lục I ô 7: title in bold capitals, name in bold.
 */
export function drawSignatures(doc: PdfDoc, blocks: readonly SignatureBlock[], opts: { size?: number; space?: number } = {}): void {
  const size = opts.size ?? 9.5;
  const space = opts.space ?? 42;
  ensureSpace(doc, size * 3 + space + size * 2);
  const x0 = doc.page.margins.left;
  const colW = contentWidth(doc) / blocks.length;
  const top = doc.y + 4;
  let bottom = top;
  blocks.forEach((b, i) => {
    const x = x0 + i * colW;
    doc.font('bold').fontSize(size).text(b.title.toUpperCase(), x, top, { width: colW, align: 'center' });
    if (b.hint) doc.font('italic').fontSize(size - 1).text(b.hint, x, doc.y, { width: colW, align: 'center' });
    const nameY = doc.y + space;
    if (b.name) doc.font('bold').fontSize(size).text(b.name, x, nameY, { width: colW, align: 'center' });
    bottom = Math.max(bottom, b.name ? doc.y : nameY);
  });
  doc.x = x0;
  doc.y = bottom + 4;
}
