import {
  contentWidth, createPdf, drawFormTag, drawNationalHeader, drawQr, drawTitle, ensureSpace, type PdfBuilder,
} from '../../platform/pdf';
import type { AgencyNames } from './slip-context';

export interface SlipFrame {
  tag: string;
  title: string;
  subtitle?: string;
  agency: AgencyNames;
  date: Date;
  pdfTitle: string;
  createdAt: Date;
}

/** An A5 slip (TT 01/2018 Art. 9: forms 01–05 print on A5) with its form tag, national header and title. */
export function startA5Slip(f: SlipFrame): PdfBuilder {
  const pdf = createPdf({ size: 'A5', title: f.pdfTitle, author: f.agency.center, createdAt: f.createdAt });
  drawFormTag(pdf.doc, f.tag);
  drawNationalHeader(pdf.doc, { parentAgency: f.agency.parent, agency: 'Trung tâm Phục vụ hành chính công', place: f.agency.place, date: f.date });
  pdf.doc.moveDown(0.4);
  drawTitle(pdf.doc, f.title, f.subtitle);
  return pdf;
}

const QR_SIZE = 58;

/**
 * The lookup QR in the top-right corner of the block that follows (for slips whose
 * body fills the page, like the control sheet). Returns the width left for text.
 */
export async function drawQrBeside(pdf: PdfBuilder, url: string, size = 62): Promise<{ textWidth: number; bottom: number }> {
  const doc = pdf.doc;
  const x = doc.page.width - doc.page.margins.right - size;
  const y = doc.y;
  await drawQr(doc, url, x, y, size, 'Quét để tra cứu hồ sơ');
  return { textWidth: contentWidth(doc) - size - 10, bottom: y + size + 10 };
}

/**
 * The lookup QR at the foot of the slip, with the link and the code spelled out for
 * people who cannot scan (TT 01/2018 Art. 19: codes may carry a barcode or QR).
 */
export async function drawLookupFooter(pdf: PdfBuilder, url: string, code: string): Promise<void> {
  const doc = pdf.doc;
  ensureSpace(doc, QR_SIZE + 8);
  const x0 = doc.page.margins.left;
  const y = doc.page.height - doc.page.margins.bottom - QR_SIZE;
  const top = Math.max(doc.y + 4, y);
  doc.save().lineWidth(0.3).dash(2, { space: 2 }).moveTo(x0, top - 4).lineTo(x0 + contentWidth(doc), top - 4).stroke().undash().restore();
  await drawQr(doc, url, x0, top, QR_SIZE);
  const textX = x0 + QR_SIZE + 8;
  doc.font('regular').fontSize(8).text('Tra cứu tình trạng hồ sơ: quét mã QR, hoặc mở', textX, top + 8, { width: contentWidth(doc) - QR_SIZE - 8 });
  doc.font('bold').fontSize(8).text(url, textX, doc.y, { width: contentWidth(doc) - QR_SIZE - 8 });
  doc.font('regular').fontSize(8).text(`và nhập mã hồ sơ ${code}.`, textX, doc.y, { width: contentWidth(doc) - QR_SIZE - 8 });
  doc.x = x0;
}

