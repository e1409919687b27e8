/**
 * Test helpers (dev dependencies only; never imported by production code):
 * read back a generated PDF as a person would see it: page sizes, text, QR codes.
 */
import jsQR from 'jsqr';
import { extractImages, extractText, getDocumentProxy } from 'unpdf';

// pdf.js calls ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21) when it
// decodes images; Node 20 lacks it, and copying is equivalent for reading.
const abProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
if (!abProto.transferToFixedLength) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value(this: ArrayBuffer, n?: number) { return this.slice(0, n ?? this.byteLength); },
  });
}

export interface ReadPdf {
  pages: { width: number; height: number; text: string }[];
  /** All text, pages joined, with whitespace runs collapsed to one space. */
  text: string;
  /** Decoded contents of every QR code image found on the given pages. */
  qrCodes: string[];
}

export async function readPdf(bytes: Uint8Array, opts: { qrPages?: number[] } = {}): Promise<ReadPdf> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , w, h] = page.view as [number, number, number, number];
    pages.push({ width: Math.round(w), height: Math.round(h), text: (text[i - 1] ?? '').replace(/\s+/g, ' ') });
  }
  const qrCodes: string[] = [];
  for (const p of opts.qrPages ?? [1]) {
    for (const img of await extractImages(pdf, p)) {
      const rgba = new Uint8ClampedArray(img.width * img.height * 4);
      for (let i = 0; i < img.width * img.height; i++) {
        for (let c = 0; c < 3; c++) rgba[i * 4 + c] = img.data[i * img.channels + (img.channels >= 3 ? c : 0)]!;
        rgba[i * 4 + 3] = 255;
      }
      const found = jsQR(rgba, img.width, img.height);
      if (found) qrCodes.push(found.data);
    }
  }
  return { pages, text: pages.map((p) => p.text).join(' '), qrCodes };
}

/** Paper sizes in points, rounded (either orientation matches). */
export const PAPER = { A5: [420, 595], A4: [595, 842] } as const;

export function isPaper(page: { width: number; height: number }, size: keyof typeof PAPER): boolean {
  const [a, b] = PAPER[size];
  const dims = [page.width, page.height].sort((x, y) => x - y);
  return Math.abs(dims[0]! - a) <= 1 && Math.abs(dims[1]! - b) <= 1;
}
