import QRCode from 'qrcode';
import type { PdfDoc } from './document';

/** A QR code of `text` as a PNG (black on white, quiet zone of 2 modules, error correction M). */
export function renderQrPng(text: string, pixelsPerModule = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: pixelsPerModule });
}

/**
 * Draws the QR code of `url` at (x, y), `size` points square, with a small caption
 * under it (e.g. "Tra cứu hồ sơ"). Does not move doc.y.
 */
export async function drawQr(doc: PdfDoc, url: string, x: number, y: number, size: number, caption?: string): Promise<void> {
  const png = await renderQrPng(url);
  const keepX = doc.x;
  const keepY = doc.y;
  doc.image(png, x, y, { width: size, height: size });
  if (caption) doc.font('italic').fontSize(6.5).text(caption, x - 10, y + size + 1, { width: size + 20, align: 'center' });
  doc.x = keepX;
  doc.y = keepY;
}
