import { describe, expect, it } from 'vitest';
import {
  createPdf, drawField, drawNationalHeader, drawNumberedList, drawQr, drawSignatures, drawTable, drawTitle,
  formatSlipTime, formatVietnameseDate, numberPages, renderQrPng, NATIONAL_MOTTO, NATIONAL_TITLE,
} from './index';
import { isPaper, readPdf } from './pdf-test-utils';

const at = new Date('2026-03-05T01:30:00Z'); // 08:30 in Hà Nội

describe('pdf plumbing', () => {
  it('writes an A5 slip with the national header, Vietnamese text and a QR code that decodes to the link', async () => {
    const pdf = createPdf({ size: 'A5', title: 'Thử', createdAt: at });
    drawNationalHeader(pdf.doc, { parentAgency: 'UBND xã Trà Bồng', agency: 'Trung tâm Phục vụ hành chính công', number: 'Số: 7/TNHS', place: 'Trà Bồng', date: at });
    drawTitle(pdf.doc, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'Mã hồ sơ: H51.21115-260305-0007');
    drawField(pdf.doc, 'Tiếp nhận hồ sơ của', 'Nguyễn Thị Ánh Tuyết');
    drawNumberedList(pdf.doc, ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
    await drawQr(pdf.doc, 'http://localhost:3000/tra-cuu/H51.21115-260305-0007', 300, 480, 70, 'Tra cứu hồ sơ');
    drawSignatures(pdf.doc, [{ title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)' }, { title: 'Người tiếp nhận', name: 'Nguyễn Thị Lan' }]);
    const read = await readPdf(await pdf.finish());

    expect(read.pages).toHaveLength(1);
    expect(isPaper(read.pages[0]!, 'A5')).toBe(true);
    for (const s of [NATIONAL_TITLE, NATIONAL_MOTTO, 'Trà Bồng, ngày 05 tháng 3 năm 2026', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Nguyễn Thị Ánh Tuyết', 'Giấy chứng sinh', 'NGƯỜI NỘP HỒ SƠ', 'Nguyễn Thị Lan']) {
      expect(read.text).toContain(s);
    }
    expect(read.qrCodes).toEqual(['http://localhost:3000/tra-cuu/H51.21115-260305-0007']);
  });

  it('repeats the table header on every page of a long A4 register and numbers the pages', async () => {
    const pdf = createPdf({ size: 'A4', landscape: true, title: 'Sổ' });
    const rows = Array.from({ length: 90 }, (_, i) => [String(i + 1), `Hồ sơ số ${i + 1}`, 'Đăng ký khai sinh cho trẻ em']);
    drawTable(pdf.doc, [{ header: 'STT', weight: 1 }, { header: 'Mã hồ sơ', weight: 3 }, { header: 'Tên thủ tục', weight: 5 }], rows);
    numberPages(pdf.doc);
    const read = await readPdf(await pdf.finish(), { qrPages: [] });

    expect(read.pages.length).toBeGreaterThan(1);
    for (const [i, page] of read.pages.entries()) {
      expect(isPaper(page, 'A4')).toBe(true);
      expect(page.width).toBeGreaterThan(page.height);
      expect(page.text).toContain('Tên thủ tục');
      expect(page.text).toContain(`Trang ${i + 1}/${read.pages.length}`);
    }
    expect(read.text).toContain('Hồ sơ số 90');
  });

  it('prints local dates the way ND 30/2020 writes them', () => {
    expect(formatVietnameseDate(new Date('2026-01-04T20:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatVietnameseDate(new Date('2026-11-20T03:00:00Z'))).toBe('ngày 20 tháng 11 năm 2026');
    expect(formatSlipTime(at)).toBe('08 giờ 30 phút, ngày 05/03/2026');
  });

  it('renders a QR PNG', async () => {
    const png = await renderQrPng('x');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
