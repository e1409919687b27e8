import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { addDays, toLocalDate } from '../../../shared/calendar';
import { DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE, listVillages } from '../../admin-units';
import { hashPassword, staffAccounts } from '../../auth';
import {
  dutyShiftMembers, dutyShifts, itPoints, teamMembers, teamMemberVillages, teamPairs, teams, villageContacts, type MemberBackground,
} from '../teams.schema';

interface DemoMember {
  username: string;
  fullName: string;
  background: MemberBackground;
  phone: string;
  isLeader?: true;
  villages: string[];
}

/** The demo team: demo.volunteer is an ordinary member; demo.teamlead leads. Phones are fake (0905 2xx xxx). */
export const DEMO_TEAM_MEMBERS: DemoMember[] = [
  { username: 'demo.teamlead', fullName: 'Trương Thị Mỹ Linh', background: 'official', phone: '0905200001', isLeader: true, villages: ['Thôn Bình Thanh'] },
  { username: 'demo.volunteer', fullName: 'Võ Minh Tuấn', background: 'youth_union', phone: '0905200002', villages: ['Thôn Trà Kiểm', 'Thôn An Hòa'] },
  { username: 'tcns.nhi', fullName: 'Hồ Thị Yến Nhi', background: 'student', phone: '0905200003', villages: ['Thôn Trà Kiểm', 'Thôn Trà Lương'] },
  { username: 'tcns.khang', fullName: 'Đinh Văn Khang', background: 'youth_union', phone: '0905200004', villages: ['Thôn An Hòa', 'Thôn Bình Thanh'] },
  { username: 'tcns.thao', fullName: 'Nguyễn Thị Thảo', background: 'official', phone: '0905200005', villages: ['Thôn Trà Phong', 'Tổ dân phố Trà Xuân'] },
  { username: 'tcns.duy', fullName: 'Lê Quang Duy', background: 'other', phone: '0905200006', villages: ['Thôn Trà Phong', 'Tổ dân phố Trung Tâm', 'Thôn Vàng'] },
  { username: 'tcns.mai', fullName: 'Phạm Thị Mai', background: 'youth_union', phone: '0905200007', villages: ['Thôn Trà Lương', 'Tổ dân phố Trà Xuân', 'Tổ dân phố Trung Tâm', 'Thôn Vàng'] },
];

const PAIRS: [string, string, string][] = [
  ['Thôn Trà Kiểm', 'demo.volunteer', 'tcns.nhi'], ['Thôn An Hòa', 'demo.volunteer', 'tcns.khang'], ['Thôn Bình Thanh', 'tcns.khang', 'demo.teamlead'],
  ['Thôn Trà Lương', 'tcns.nhi', 'tcns.mai'], ['Thôn Trà Phong', 'tcns.thao', 'tcns.duy'], ['Tổ dân phố Trà Xuân', 'tcns.thao', 'tcns.mai'],
  ['Tổ dân phố Trung Tâm', 'tcns.duy', 'tcns.mai'], ['Thôn Vàng', 'tcns.duy', 'tcns.mai'],
];

const POINTS: { name: string; village: string | null; weekday: number; start: string; end: string; members: [string, string] }[] = [
  { name: 'Nhà văn hoá thôn Trà Kiểm', village: 'Thôn Trà Kiểm', weekday: 4, start: '07:30', end: '11:00', members: ['demo.volunteer', 'tcns.nhi'] },
  { name: 'Nhà văn hoá thôn An Hòa', village: 'Thôn An Hòa', weekday: 6, start: '08:00', end: '11:00', members: ['demo.volunteer', 'tcns.khang'] },
  { name: 'Nhà văn hoá thôn Vàng', village: 'Thôn Vàng', weekday: 7, start: '08:00', end: '10:30', members: ['tcns.duy', 'tcns.mai'] },
  { name: 'Bộ phận Một cửa UBND xã Trà Bồng', village: null, weekday: 2, start: '14:00', end: '16:30', members: ['demo.teamlead', 'tcns.thao'] },
];

/** One team with seven members, pairs, four IT points with weekly shifts; only on a database without teams. */
export async function seedDemoTeam(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(teams);
  if ((existing?.n ?? 0) > 0) return;
  const villages = new Map((await listVillages(deps, DEMO_COMMUNE_CODE)).map((v) => [v.name, v.id]));
  if (villages.size === 0) return;
  const now = deps.now();
  const teamId = crypto.randomUUID();
  const memberIds = new Map<string, string>();
  const passwordHash = await hashPassword(deps.config.DEMO_PASSWORD);
  await deps.db.transaction(async (tx) => {
    await tx.insert(teams).values({ id: teamId, communeCode: DEMO_COMMUNE_CODE, name: 'Tổ công nghệ số cộng đồng xã Trà Bồng', createdAt: now, updatedAt: now });
    for (const m of DEMO_TEAM_MEMBERS) {
      const [account] = await tx.select({ id: staffAccounts.id }).from(staffAccounts).where(eq(staffAccounts.username, m.username));
      const accountId = account?.id ?? crypto.randomUUID();
      if (!account) {
        await tx.insert(staffAccounts).values({
          id: accountId, username: m.username, passwordHash, fullName: m.fullName, role: 'volunteer', communeCode: DEMO_COMMUNE_CODE,
          provinceCode: DEMO_PROVINCE_CODE, phone: m.phone, createdAt: now,
        });
      }
      const id = crypto.randomUUID();
      memberIds.set(m.username, id);
      await tx.insert(teamMembers).values({
        id, teamId, communeCode: DEMO_COMMUNE_CODE, fullName: m.fullName, phone: m.phone, background: m.background, staffAccountId: accountId,
        isLeader: m.isLeader ?? false, active: true, createdAt: now, updatedAt: now,
      });
      const covered = m.villages.map((v) => villages.get(v)).filter((v): v is string => !!v);
      if (covered.length) await tx.insert(teamMemberVillages).values(covered.map((villageId) => ({ memberId: id, villageId })));
    }
    await tx.insert(teamPairs).values(PAIRS.filter(([v]) => villages.has(v)).map(([v, a, b]) => ({
      id: crypto.randomUUID(), teamId, villageId: villages.get(v)!, memberAId: memberIds.get(a)!, memberBId: memberIds.get(b)!, createdAt: now,
    })));
    await seedPoints(tx, villages, memberIds, now);
    await tx.insert(villageContacts).values(PAIRS.filter(([v]) => villages.has(v)).map(([v, a]) => ({
      villageId: villages.get(v)!, communeCode: DEMO_COMMUNE_CODE, phone: DEMO_TEAM_MEMBERS.find((m) => m.username === a)!.phone,
      label: 'Tổ công nghệ số cộng đồng', updatedAt: now,
    })));
  });
}

async function seedPoints(tx: AppDeps['db'], villages: Map<string, string>, memberIds: Map<string, string>, now: Date): Promise<void> {
  for (const p of POINTS) {
    const pointId = crypto.randomUUID();
    const shiftId = crypto.randomUUID();
    await tx.insert(itPoints).values({ id: pointId, communeCode: DEMO_COMMUNE_CODE, villageId: p.village ? (villages.get(p.village) ?? null) : null, name: p.name, address: null, createdAt: now });
    await tx.insert(dutyShifts).values({
      id: shiftId, itPointId: pointId, communeCode: DEMO_COMMUNE_CODE, weekday: p.weekday, startTime: p.start, endTime: p.end,
      validFrom: addDays(toLocalDate(now), -180), validUntil: null, createdAt: now,
    });
    await tx.insert(dutyShiftMembers).values(p.members.map((u) => ({ shiftId, memberId: memberIds.get(u)! })));
  }
}
