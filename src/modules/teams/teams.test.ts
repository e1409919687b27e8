import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';

let t: TestApp;
let admin: Record<string, string>;
let villages: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = bearer(await t.staffToken('demo.admin'));
  const res = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/villages`, headers: admin });
  villages = new Map(res.json().items.map((v: { id: string; name: string }) => [v.name, v.id]));
});
afterAll(() => t?.close());

describe('the demo team', () => {
  it('lists the team with members, their backgrounds, villages and "2 trong 1" pairs, phones masked', async () => {
    const res = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: admin });
    expect(res.statusCode).toBe(200);
    const [team] = res.json().items;
    expect(team.members.length).toBeGreaterThanOrEqual(7);
    const tuan = team.members.find((m: { username: string }) => m.username === 'demo.volunteer');
    expect(tuan).toMatchObject({ fullName: 'Võ Minh Tuấn', background: 'youth_union', isLeader: false });
    expect(tuan.villageIds).toContain(villages.get('Thôn Trà Kiểm'));
    expect(tuan.phone).toMatch(/^\d{3}\*+\d{2}$/);
    expect(team.pairs.every((p: { memberIds: string[] }) => p.memberIds.length === 2)).toBe(true);
  });

  it("gives a member the field app's start: villages, partner with phone, next shifts", async () => {
    const res = await t.app.inject({ url: '/api/teams/me', headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.villages.map((v: { name: string }) => v.name).sort()).toEqual(['Thôn An Hòa', 'Thôn Trà Kiểm']);
    expect(me.partners.find((p: { fullName: string }) => p.fullName === 'Hồ Thị Yến Nhi').phone).toBe('0905200003');
    expect(me.nextShifts.some((s: { itPointName: string; weekdayVi: string }) => s.itPointName === 'Nhà văn hoá thôn Trà Kiểm' && s.weekdayVi === 'Thứ Năm')).toBe(true);
  });

  it('refuses other roles and other communes', async () => {
    const officer = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: bearer(await t.staffToken('demo.officer')) });
    expect(officer.statusCode).toBe(403);
    const other = await t.app.inject({ url: '/api/communes/21025/teams', headers: admin });
    expect(other.statusCode).toBe(404);
    const anonymous = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the public IT-point page', () => {
  it('shows each village with its next shifts (first names only) and a contact number', async () => {
    const res = await t.app.inject({ url: `/api/public/communes/${DEMO_COMMUNE_CODE}/it-points?days=14` });
    expect(res.statusCode).toBe(200);
    const traKiem = res.json().villages.find((v: { villageName: string }) => v.villageName === 'Thôn Trà Kiểm');
    expect(traKiem.contactPhone).toMatch(/^0\d{9}$/);
    const point = traKiem.itPoints[0];
    expect(point.name).toBe('Nhà văn hoá thôn Trà Kiểm');
    expect(point.nextShifts.length).toBeGreaterThanOrEqual(1);
    for (const s of point.nextShifts) {
      expect(s).toMatchObject({ weekdayVi: 'Thứ Năm', startTime: '07:30', endTime: '11:00' });
      expect(s.members.sort()).toEqual(['Nhi', 'Tuấn']);
      expect(new Date(`${s.date}T00:00:00Z`).getUTCDay()).toBe(4);
    }
    expect(res.json().communePoints[0].name).toContain('Một cửa');
    expect(res.body).not.toContain('0905200007'); // a member's phone is published only when chosen as a village contact
  });

  it('is 404 for an unknown commune', async () => {
    expect((await t.app.inject({ url: '/api/public/communes/99999/it-points' })).statusCode).toBe(404);
  });
});

describe('managing the team', () => {
  it('lets the commune admin add a member with a volunteer account who then signs in and sees only their village', async () => {
    const [team] = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: admin })).json().items;
    const vang = villages.get('Thôn Vàng')!;
    const res = await t.app.inject({
      method: 'POST', url: `/api/teams/${team.id}/members`, headers: admin,
      payload: { fullName: 'Đinh Thị Hồng', phone: '0912 345 678', background: 'student', villageIds: [vang], account: { username: 'tcns.hong', password: 'mat-khau-manh' } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Đinh Thị Hồng', username: 'tcns.hong', villageIds: [vang], phone: '091*****78' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username: 'tcns.hong', password: 'mat-khau-manh' } });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/teams/me', headers: bearer(login.json().token) });
    expect(me.json().villages.map((v: { name: string }) => v.name)).toEqual(['Thôn Vàng']);
    const again = await t.app.inject({
      method: 'POST', url: `/api/teams/${team.id}/members`, headers: admin,
      payload: { fullName: 'Người Khác', background: 'other', account: { username: 'tcns.hong', password: 'mat-khau-manh' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('refuses a member added by a volunteer, and a pair whose member does not cover the village', async () => {
    const [team] = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: admin })).json().items;
    const byVolunteer = await t.app.inject({
      method: 'POST', url: `/api/teams/${team.id}/members`, headers: bearer(await t.staffToken('demo.volunteer')),
      payload: { fullName: 'Ai Đó', background: 'other', account: { username: 'tcns.aido', password: 'mat-khau-manh' } },
    });
    expect(byVolunteer.statusCode).toBe(403);
    const ids = team.members.map((m: { id: string }) => m.id);
    const lead = team.members.find((m: { isLeader: boolean }) => m.isLeader);
    const tuan = team.members.find((m: { fullName: string }) => m.fullName === 'Võ Minh Tuấn');
    const pair = await t.app.inject({
      method: 'POST', url: `/api/teams/${team.id}/pairs`, headers: bearer(await t.staffToken('demo.teamlead')),
      payload: { villageId: villages.get('Thôn Vàng'), memberIds: [lead.id, tuan.id] },
    });
    expect(pair.statusCode).toBe(422);
    expect(pair.json().error.code).toBe('MEMBER_NOT_IN_VILLAGE');
    expect(ids.length).toBeGreaterThan(2);
  });

  it('lets a team leader plan a weekly shift of two members that appears on the public page', async () => {
    const lead = bearer(await t.staffToken('demo.teamlead'));
    const point = await t.app.inject({
      method: 'POST', url: `/api/communes/${DEMO_COMMUNE_CODE}/it-points`, headers: admin,
      payload: { name: 'Nhà văn hoá thôn Bình Thanh', villageId: villages.get('Thôn Bình Thanh') },
    });
    expect(point.statusCode).toBe(201);
    const [team] = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: admin })).json().items;
    const two = team.members.filter((m: { fullName: string }) => ['Đinh Văn Khang', 'Trương Thị Mỹ Linh'].includes(m.fullName)).map((m: { id: string }) => m.id);
    const oneOnly = await t.app.inject({ method: 'POST', url: `/api/it-points/${point.json().id}/shifts`, headers: lead, payload: { weekday: 3, startTime: '14:00', endTime: '16:30', memberIds: [two[0]] } });
    expect(oneOnly.statusCode).toBe(400);
    const backwards = await t.app.inject({ method: 'POST', url: `/api/it-points/${point.json().id}/shifts`, headers: lead, payload: { weekday: 3, startTime: '16:30', endTime: '14:00', memberIds: two } });
    expect(backwards.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: `/api/it-points/${point.json().id}/shifts`, headers: lead, payload: { weekday: 3, startTime: '14:00', endTime: '16:30', memberIds: two } });
    expect(ok.statusCode).toBe(201);
    const pub = (await t.app.inject({ url: `/api/public/communes/${DEMO_COMMUNE_CODE}/it-points?days=8` })).json();
    const binhThanh = pub.villages.find((v: { villageName: string }) => v.villageName === 'Thôn Bình Thanh');
    expect(binhThanh.itPoints[0].nextShifts[0]).toMatchObject({ weekdayVi: 'Thứ Tư', startTime: '14:00' });
    expect(binhThanh.itPoints[0].nextShifts[0].members.sort()).toEqual(['Khang', 'Linh']);
  });
});
