import { writeFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, countRows, demoCommuneCode, submitAsCitizen } from '../../../tests/support/fixtures';
import { isPaper, readPdf } from '../../platform/pdf/pdf-test-utils';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const slip = async (code: string, kind: string, who = 'demo.officer') => {
  const token = who.startsWith('09') ? await t.citizenToken(who) : await t.staffToken(who);
  return t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/slips/${kind}.pdf`, headers: bearer(token) });
};

const dump = process.env.SLIP_DUMP_DIR;
async function expectSlip(code: string, kind: string, texts: string[], who = 'demo.officer') {
  const res = await slip(code, kind, who);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toContain('no-store');
  if (dump) { mkdirSync(dump, { recursive: true }); writeFileSync(`${dump}/${kind}.pdf`, res.rawPayload); }
  const pdf = await readPdf(res.rawPayload);
  expect(pdf.pages.every((p) => isPaper(p, 'A5')), `${kind} is A5`).toBe(true);
  expect(pdf.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(pdf.text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(pdf.text).toContain(code);
  for (const s of texts) expect(pdf.text, `${kind} mentions ${s}`).toContain(s);
  expect(pdf.qrCodes).toContain(`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`);
  return pdf;
}

describe('official slips', () => {
  it('prints the receipt, supplement request, apology, control sheet for a dossier that went through them', async () => {
    const { code } = await submitAsCitizen(t);
    expect((await slip(code, 'receipt')).statusCode).toBe(409); // not received yet
    await act(t, 'demo.officer', code, { type: 'receive' });
    await expectSlip(code, 'receipt', ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Nguyễn Văn An', 'Thời gian trả kết quả', 'Nguyễn Thị Lan', 'Vào Sổ theo dõi hồ sơ'], '0900000001');
    await act(t, 'demo.specialist', code, { type: 'request_supplement', missingDocuments: ['Bản sao Căn cước công dân', 'Giấy ủy quyền có chứng thực'], note: 'Thiếu giấy tờ' });
    await expectSlip(code, 'supplement-request', ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '1. Bản sao Căn cước công dân', '2. Giấy ủy quyền có chứng thực', 'Trần Văn Minh']);
    await act(t, '0900000001', code, { type: 'supplement' });
    await act(t, 'demo.specialist', code, { type: 'start_processing' });
    const view = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: bearer(await t.staffToken('demo.leader')) })).json();
    const newDue = new Date(new Date(view.dueAt).getTime() + 3 * 86_400_000).toISOString();
    const re = await act(t, 'demo.leader', code, { type: 'reappoint', newDueAt: newDue, note: 'Cần xác minh thêm với xã nơi đăng ký thường trú' });
    expect(re.statusCode, re.body).toBe(200);
    await expectSlip(code, 'apology', ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Cần xác minh thêm', 'xin lỗi Ông/Bà', 'Phạm Quốc Hùng']);
    await act(t, 'demo.leader', code, { type: 'approve' });
    await act(t, 'demo.officer', code, { type: 'return_result' });
    const control = await expectSlip(code, 'control-sheet', ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Trả kết quả', 'Yêu cầu bổ sung', 'Trước hạn']);
    expect(control.text).toMatch(/Giao: Bộ phận Một cửa \(Nguyễn Thị Lan\)/);
    expect((await slip(code, 'refusal')).statusCode).toBe(409);
    expect((await slip(code, 'stop-notice')).statusCode).toBe(409);
  });

  it('prints the refusal with every reason, and the stop notice after a withdrawal', async () => {
    const refused = await submitAsCitizen(t, '0900000003');
    await act(t, 'demo.officer', refused.code, { type: 'reject', reasons: ['Thủ tục không thuộc thẩm quyền của xã', 'Giấy tờ giả mạo'] });
    await expectSlip(refused.code, 'refusal', ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Thủ tục không thuộc thẩm quyền của xã', 'Giấy tờ giả mạo'], '0900000003');
    const withdrawn = await submitAsCitizen(t, '0900000004');
    await act(t, 'demo.officer', withdrawn.code, { type: 'receive' });
    await act(t, '0900000004', withdrawn.code, { type: 'withdraw', note: 'Không còn nhu cầu' });
    await expectSlip(withdrawn.code, 'stop-notice', ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', '118/2025/NĐ-CP', 'Không còn nhu cầu'], '0900000004');
  });

  it('keeps slips to the owner and the commune staff, and audits staff prints', async () => {
    const { code } = await submitAsCitizen(t, '0900000005');
    await act(t, 'demo.officer', code, { type: 'receive' });
    const audits = await countRows(t, 'audit_log');
    expect((await slip(code, 'receipt', '0900000006')).statusCode).toBe(404); // another citizen
    expect((await slip(code, 'control-sheet', '0900000005')).statusCode).toBe(403); // internal sheet
    expect((await slip(code, 'receipt', 'demo.volunteer')).statusCode).toBe(403);
    expect((await slip(code, 'receipt', 'demo.officer')).statusCode).toBe(200);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const bad = await slip(code, 'invoice');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].vi).toContain('Loại phiếu');
    const anon = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}/slips/receipt.pdf` });
    expect(anon.statusCode).toBe(401);
  });

  it('prints the tracking register on A4 for a period, numbered through the year', async () => {
    const commune = await demoCommuneCode(t);
    const { code } = await submitAsCitizen(t, '0900000007');
    await act(t, 'demo.officer', code, { type: 'receive' });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const url = `/api/communes/${commune}/register.pdf?from=${today}&to=${today}`;
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(await t.staffToken('demo.leader')) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    if (dump) writeFileSync(`${dump}/register.pdf`, res.rawPayload);
    const pdf = await readPdf(res.rawPayload, { qrPages: [] });
    expect(pdf.pages.every((p) => isPaper(p, 'A4'))).toBe(true);
    expect(pdf.text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(pdf.text).toContain(code);
    expect(pdf.text).toMatch(/^.*SỔ THEO DÕI HỒ SƠ.* (\d+) 000\.00\.21115/); // running number before the first code
    expect(pdf.text).not.toContain('0900000007'); // phones masked in the list
    const citizen = await t.app.inject({ method: 'GET', url, headers: bearer(await t.citizenToken('0900000007')) });
    expect(citizen.statusCode).toBe(403);
    const other = await t.app.inject({ method: 'GET', url: `/api/communes/21025/register.pdf`, headers: bearer(await t.staffToken('demo.officer')) });
    expect(other.statusCode).toBe(404);
    const reversed = await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/register.pdf?from=2026-02-01&to=2026-01-01`, headers: bearer(await t.staffToken('demo.officer')) });
    expect(reversed.statusCode).toBe(400);
  });
});
