import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../../e2e/support/images';
import { act, countRows, demoCommuneCode, newKey, validFields } from '../../../tests/support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';

const PROC = '1.001193'; // Đăng ký khai sinh: a required photo field (birthCertificatePhoto)

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function upload(token: string, bytes: Buffer, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/files', payload: bytes, headers: { ...bearer(token), 'content-type': 'application/octet-stream', ...headers } });
}

async function submitWithFile(phone: string, fileIds: string[]) {
  const fields = { ...(await validFields(t, PROC)), birthCertificatePhoto: fileIds };
  return t.app.inject({
    method: 'POST', url: '/api/dossiers',
    headers: { ...bearer(await t.citizenToken(phone)), 'idempotency-key': newKey() },
    payload: { procedureCode: PROC, communeCode: await demoCommuneCode(t), applicant: { fullName: 'Trần Thị Bình', idNumber: '051190012345', phone }, fields },
  });
}

describe('uploads', () => {
  it('stores a photo and decides its type from the bytes, not the name or header', async () => {
    const png = makePng(40, 30);
    const res = await upload(await t.citizenToken('0900000001'), png, { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('giấy chứng sinh.pdf') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', sizeBytes: png.length, name: 'giấy chứng sinh.png' });
    const back = await t.app.inject({ method: 'GET', url: `/api/files/${res.json().id}`, headers: bearer(await t.citizenToken('0900000001')) });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['content-disposition']).toContain('inline');
    expect(Buffer.compare(back.rawPayload, png)).toBe(0);
  });

  it('refuses a file that is not a photo or PDF, whatever it is called, and stores nothing', async () => {
    const before = await countRows(t, 'files');
    const res = await upload(await t.citizenToken('0900000001'), Buffer.from('MZ\x90\x00 this is a program, not a photo'), { 'content-type': 'image/jpeg', 'x-file-name': 'anh.jpg' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(res.json().error.vi).toContain('Chỉ nhận ảnh');
    expect(await countRows(t, 'files')).toBe(before);
  });

  it('refuses a file above the size limit with a plain message', async () => {
    const big = Buffer.concat([makePng(8, 8), Buffer.alloc(t.deps.config.UPLOAD_MAX_BYTES)]);
    const res = await upload(await t.citizenToken('0900000001'), big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(res.json().error.vi).toContain('Tệp quá lớn');
  });

  it('asks for sign-in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: makePng(), headers: { 'content-type': 'image/png' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('files in dossiers', () => {
  it("refuses a dossier that points at someone else's or an unknown file, and creates nothing", async () => {
    const other = (await upload(await t.citizenToken('0900000002'), makePng())).json().id as string;
    const before = await countRows(t, 'dossiers');
    for (const ids of [[other], ['file-0000-demo-0001']]) {
      const res = await submitWithFile('0900000003', ids);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('FILE_NOT_AVAILABLE');
      expect(res.json().error.fields[0].path).toBe('fields.birthCertificatePhoto');
    }
    expect(await countRows(t, 'dossiers')).toBe(before);
  });

  it('lets the commune staff open a submitted photo (audited) and nobody else', async () => {
    const citizen = await t.citizenToken('0900000004');
    const id = (await upload(citizen, makePng(20, 20, 1))).json().id as string;
    const officer = await t.staffToken('demo.officer');
    const get = (token: string) => t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: bearer(token) });
    expect((await get(officer)).statusCode).toBe(404); // not part of any dossier yet
    const sub = await submitWithFile('0900000004', [id]);
    expect(sub.statusCode).toBe(201);
    const audits = await countRows(t, 'audit_log');
    expect((await get(officer)).statusCode).toBe(200);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    expect((await get(await t.citizenToken('0900000005'))).statusCode).toBe(404);
  });

  it('hands the electronic result attached at approval to the dossier owner', async () => {
    const sub = await submitWithFile('0900000006', [(await upload(await t.citizenToken('0900000006'), makePng())).json().id]);
    const code = sub.json().code as string;
    expect((await act(t, 'demo.officer', code, { type: 'receive' })).statusCode).toBe(200);
    expect((await act(t, 'demo.specialist', code, { type: 'start_processing' })).statusCode).toBe(200);
    const result = (await upload(await t.staffToken('demo.leader'), makePdf())).json();
    expect(result.contentType).toBe('application/pdf');
    // A citizen's own file cannot be passed off as the result by staff.
    const foreign = (await upload(await t.citizenToken('0900000007'), makePng())).json().id as string;
    expect((await act(t, 'demo.leader', code, { type: 'approve', attachments: [foreign] })).statusCode).toBe(422);
    expect((await act(t, 'demo.leader', code, { type: 'approve', attachments: [result.id] })).statusCode).toBe(200);
    const owner = await t.app.inject({ method: 'GET', url: `/api/files/${result.id}`, headers: bearer(await t.citizenToken('0900000006')) });
    expect(owner.statusCode).toBe(200);
    expect(owner.headers['content-type']).toBe('application/pdf');
  });
});
