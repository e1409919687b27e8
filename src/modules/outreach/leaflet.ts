import { contentWidth, createPdf, drawNationalHeader, drawParagraph, drawQr, drawTitle, formatVietnameseDate } from '../../platform/pdf';
import type { AnnouncementRow } from './outreach.schema';

/**
 * A printable A5 leaflet for the village notice board and door-to-door visits: the
 * commune's header, the title, large body text (many readers are elderly), the contact
 * number, and a QR code to the online bulletin.
 */
export async function renderLeaflet(a: AnnouncementRow, opts: { communeName: string; placeName: string; bulletinUrl: string }): Promise<Buffer> {
  const pdf = createPdf({ size: 'A5', title: a.title, author: `UBND ${opts.communeName}`, createdAt: a.publishedAt ?? a.createdAt });
  const { doc } = pdf;
  drawNationalHeader(doc, {
    parentAgency: `UBND ${opts.communeName}`.toUpperCase(), agency: 'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
    place: opts.placeName, date: a.publishedAt ?? a.createdAt,
  });
  doc.moveDown(0.6);
  drawTitle(doc, a.kind === 'scam_warning' ? 'CẢNH BÁO LỪA ĐẢO' : 'THÔNG BÁO', a.title, 14);
  for (const para of a.body.split(/\n+/).map((p) => p.trim()).filter(Boolean)) drawParagraph(doc, para, { size: 12, gap: 4 });
  if (a.kind === 'scam_warning') {
    doc.moveDown(0.3);
    drawParagraph(doc, 'Không chuyển tiền, không đọc mã OTP, không bấm đường dẫn lạ. Cơ quan nhà nước không gọi điện yêu cầu chuyển tiền.', { size: 12, style: 'bold' });
  }
  if (a.contactPhone) {
    doc.moveDown(0.3);
    drawParagraph(doc, `Liên hệ: ${a.contactPhone.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3')}`, { size: 12, style: 'bold' });
  }
  const size = 72;
  const x = doc.page.margins.left + contentWidth(doc) - size;
  const y = Math.min(doc.y + 12, doc.page.height - doc.page.margins.bottom - size - 12);
  await drawQr(doc, opts.bulletinUrl, x, y, size, 'Xem bảng tin của xã');
  doc.font('italic').fontSize(9).text(`${opts.placeName}, ${formatVietnameseDate(a.publishedAt ?? a.createdAt)}`, doc.page.margins.left, y + 20, { width: contentWidth(doc) - size - 12 });
  return pdf.finish();
}
