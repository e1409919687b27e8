import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../../platform/db';
import { bearer, createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { listHouseholds, villageIdsByName } from '../../field/field-test-helpers';
import { toCsv } from './csv';
import { writeXlsxRows } from './xlsx';

let t: TestApp;
let villages: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  villages = await villageIdsByName(t);
});
afterAll(() => t?.close());

const HEADER = ['Mã hộ', 'Thôn', 'Địa chỉ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Năm sinh', 'Số điện thoại', 'Điện thoại thông minh', 'Zalo', 'VNeID', 'Tài khoản DVC', 'Kỹ năng', 'Nhu cầu hỗ trợ'];
const rows = (): string[][] => [
  ['N1', 'Thôn Trà Kiểm', 'Xóm Gò', 'Phan Văn Lực', 'Chủ hộ', '1948', '0912000001', 'Phổ thông', 'Không', 'Chưa', 'Không', 'Cần hỗ trợ hoàn toàn', 'Người cao tuổi'],
  ['N1', 'Thôn Trà Kiểm', 'Xóm Gò', 'Phan Thị Lệ', 'Con', '1985', '0912000002', 'Có', 'Có', 'Mức 2', 'Có', 'Tự làm được', ''],
  ['N2', 'tra kiem', 'Xóm Gò', 'Trịnh Văn Quế', 'Chủ hộ', '1970', '', 'Có', 'Có', 'Đã cài', 'Không', 'Làm được khi có hướng dẫn', ''],
  ['N3', 'Thôn An Hòa', '', 'Lò Thị Sương', 'Chủ hộ', '1939', '', 'Không', '', '', '', '', 'Người cao tuổi; tiếng dân tộc'],
  ['N3', 'Thôn An Hòa', '', 'Lò Văn Pá', 'Con', '1975', '0383000444', 'Có', 'Có', 'Mức 1', 'Không', '', ''],
];

async function upload(body: Buffer | string, type: string, query = '') {
  return t.app.inject({ method: 'POST', url: `/api/households/imports${query}`, headers: { ...bearer(await t.staffToken('demo.volunteer')), 'content-type': type }, payload: body });
}

async function countHouseholds(): Promise<number> {
  return (await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from households where deleted_at is null`))!.n;
}

async function waitForImport(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await t.app.inject({ url: `/api/households/imports/${id}`, headers: bearer(await t.staffToken('demo.volunteer')) });
    if (!['running', 'previewed'].includes(res.json().status)) return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('household import from CSV', () => {
  it('with two bad rows: a report per row, the import refused, and nothing imported', async () => {
    const bad = rows();
    bad[1]![5] = '19x5'; // row 3: birth year
    bad[4]![6] = '12345'; // row 6: phone
    const before = await countHouseholds();
    const preview = await upload(toCsv([HEADER, ...bad]), 'text/csv');
    expect(preview.statusCode).toBe(201);
    const job = preview.json();
    expect(job.canCommit).toBe(false);
    expect(job.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([[3, 'Năm sinh'], [6, 'Số điện thoại']]);
    expect(job.problems[0].vi).toContain('19x5');
    const commit = await t.app.inject({ method: 'POST', url: `/api/households/imports/${job.id}/commit`, headers: bearer(await t.staffToken('demo.volunteer')), payload: {} });
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await countHouseholds()).toBe(before);
  });

  it('previews, then imports every household at once with progress the client can poll', async () => {
    const before = await countHouseholds();
    const job = (await upload(`\uFEFF${toCsv([HEADER, ...rows()], ';')}`, 'text/csv; charset=utf-8', '?fileName=ho-moi.csv')).json();
    expect(job).toMatchObject({ canCommit: true, householdCount: 3, totalRows: 5, problems: [], fileName: 'ho-moi.csv' });
    expect(job.preview.map((p: { headName: string }) => p.headName)).toEqual(['Phan Văn Lực', 'Trịnh Văn Quế', 'Lò Thị Sương']);
    expect(job.preview[2].villageName).toBe('Thôn An Hòa');
    expect(await countHouseholds()).toBe(before);
    const commit = await t.app.inject({ method: 'POST', url: `/api/households/imports/${job.id}/commit`, headers: bearer(await t.staffToken('demo.volunteer')), payload: {} });
    expect(commit.statusCode).toBe(202);
    expect(commit.json().progress.total).toBe(3);
    const done = await waitForImport(job.id);
    expect(done).toMatchObject({ status: 'done', importedHouseholds: 3, progress: { done: 3, total: 3 } });
    expect(await countHouseholds()).toBe(before + 3);
    const imported = (await listHouseholds(t, 'demo.volunteer', '&q=Lò Thị Sương'))[0]!;
    const view = (await t.app.inject({ url: `/api/households/${imported.id}`, headers: bearer(await t.staffToken('demo.volunteer')) })).json();
    expect(view.members.find((m: { isHead: boolean }) => m.isHead).readiness).toMatchObject({ smartphone: 'no', supportNeeds: ['elderly', 'ethnic_minority_language'] });
    const again = await t.app.inject({ method: 'POST', url: `/api/households/imports/${job.id}/commit`, headers: bearer(await t.staffToken('demo.volunteer')), payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('warns about households that look like existing ones and lets the user skip them', async () => {
    const [existing] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn An Hòa')}`);
    const noTones = existing!.headName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
    const csv = toCsv([HEADER, ['D1', 'Thôn An Hòa', '', noTones, 'Chủ hộ', '1960', '', '', '', '', '', '', ''], ['D2', 'Thôn An Hòa', '', 'Mạc Văn Mới', 'Chủ hộ', '1990', '', '', '', '', '', '', '']]);
    const job = (await upload(csv, 'text/csv')).json();
    expect(job.duplicates).toContainEqual(expect.objectContaining({ row: 2, existingHouseholdId: existing!.id, existingHeadName: existing!.headName }));
    expect(job.duplicates.every((d: { row: number }) => d.row === 2)).toBe(true);
    const token = bearer(await t.staffToken('demo.volunteer'));
    const undecided = await t.app.inject({ method: 'POST', url: `/api/households/imports/${job.id}/commit`, headers: token, payload: {} });
    expect(undecided.statusCode).toBe(409);
    const before = await countHouseholds();
    await t.app.inject({ method: 'POST', url: `/api/households/imports/${job.id}/commit`, headers: token, payload: { duplicates: 'skip' } });
    expect((await waitForImport(job.id)).importedHouseholds).toBe(1);
    expect(await countHouseholds()).toBe(before + 1);
  });

  it('refuses villages outside the member\'s area, row by row', async () => {
    const csv = toCsv([HEADER, ['V1', 'Thôn Vàng', '', 'Hồ Văn Xa', 'Chủ hộ', '1980', '', '', '', '', '', '', '']]);
    const job = (await upload(csv, 'text/csv')).json();
    expect(job.problems).toEqual([expect.objectContaining({ row: 2, field: 'Thôn' })]);
  });
});

describe('household import from Excel', () => {
  it('reads an .xlsx file the same way, with a village chosen for the whole file', async () => {
    const sheet = [['Họ và tên', 'Quan hệ với chủ hộ', 'Năm sinh', 'VNeID'], ['Đào Văn Xuyên', 'Chủ hộ', '1966', 'mức 2'], ['Đào Thị Nụ', 'Vợ', '1968', 'không']];
    const res = await upload(await writeXlsxRows(sheet), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `?villageId=${villages.get('Thôn An Hòa')}`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'xlsx', householdCount: 1, problems: [], canCommit: true });
    const unreadable = await upload(Buffer.from('PK not really a zip'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().error.code).toBe('IMPORT_UNREADABLE');
    const json = await t.app.inject({ method: 'POST', url: '/api/households/imports', headers: bearer(await t.staffToken('demo.volunteer')), payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });

  it('serves a template that imports cleanly', async () => {
    const tpl = await t.app.inject({ url: '/api/households/imports/template.csv' });
    expect(tpl.statusCode).toBe(200);
    const res = await upload(tpl.body, 'text/csv');
    expect(res.json()).toMatchObject({ problems: [], householdCount: 1 });
  });
});
