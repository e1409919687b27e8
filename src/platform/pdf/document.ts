import PDFDocument from 'pdfkit';
import { FONT_FILES, type FontStyle } from './fonts';

export type PdfDoc = PDFKit.PDFDocument;
export type PaperSize = 'A5' | 'A4';

export interface PdfOptions {
  size: PaperSize;
  landscape?: boolean;
  title: string;
  /** Author shown in the PDF properties, e.g. the agency name. */
  author?: string;
  /** Creation date written into the file (from deps.now(), so tests get stable output). */
  createdAt?: Date;
  /** Points; ND 30/2020 margins scaled down for A5 by default. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** Margins: ND 30/2020 Phụ lục I asks 20–25 mm top/bottom, 30–35 mm left, 15–20 mm right on A4. */
const MM = 72 / 25.4;
const DEFAULT_MARGINS: Record<PaperSize, PdfOptions['margins']> = {
  A4: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
  A5: { top: 12 * MM, bottom: 12 * MM, left: 15 * MM, right: 10 * MM },
};

export interface PdfBuilder {
  doc: PdfDoc;
  /** Sets the font family style and size in one call. */
  font(style: FontStyle, size: number): PdfDoc;
  /** Finishes the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** A new document with the embedded Vietnamese font registered as 'regular', 'bold', 'italic', 'boldItalic'. */
export function createPdf(opts: PdfOptions): PdfBuilder {
  const doc = new PDFDocument({
    size: opts.size,
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: opts.margins ?? DEFAULT_MARGINS[opts.size],
    info: { Title: opts.title, Author: opts.author ?? 'xaso', Creator: 'xaso', ...(opts.createdAt ? { CreationDate: opts.createdAt } : {}) },
    autoFirstPage: true,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    font: (style, size) => doc.font(style).fontSize(size),
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Width available between the margins of the current page. */
export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `needed` points remain above the bottom margin. */
export function ensureSpace(doc: PdfDoc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * "Trang 2/5" centred in the bottom margin of every page (multi-page registers).
 * Needs the document's buffered pages, so call it just before finish().
 */
export function numberPages(doc: PdfDoc, size = 8): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(size).text(`Trang ${i + 1}/${range.count}`, 0, doc.page.height - bottom / 2 - size / 2, {
      width: doc.page.width, align: 'center', lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
