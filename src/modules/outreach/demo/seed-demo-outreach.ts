import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { addDays, makeLocalInstant, toLocalDate, type IsoDate } from '../../../shared/calendar';
import { DEMO_COMMUNE_CODE, listVillages } from '../../admin-units';
import { createDemoRandom, householdPeople, type DemoRandom } from '../../households';
import { teamMembers, teamMemberVillages } from '../../teams';
import { announcements, campaignTargets, campaigns } from '../outreach.schema';
import { campaignMetrics } from '../../../shared/field/support-kinds';
import { seedDemoActs, type DemoMemberRef, type DemoPerson } from './demo-acts';

/** The summer peak the dossier demo also shows (8 Aug – 10 Oct), and a push running now. */
export function demoCampaignWindows(today: IsoDate) {
  const year = today.slice(5) >= '08-08' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  return {
    peak: { from: `${year}-08-08`, to: `${year}-10-10` },
    current: { from: addDays(today, -20), to: addDays(today, 40) },
  };
}

/** Campaigns, a few hundred support acts and published announcements, once, after the team and households. */
export async function seedDemoOutreach(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(campaigns);
  if ((existing?.n ?? 0) > 0) return;
  const members = await loadMembers(deps);
  const people = (await deps.db.select().from(householdPeople).where(and(eq(householdPeople.communeCode, DEMO_COMMUNE_CODE), isNull(householdPeople.deletedAt)))) as DemoPerson[];
  if (members.length === 0 || people.length === 0) return;
  const rnd = createDemoRandom(20261010);
  const today = toLocalDate(deps.now());
  const w = demoCampaignWindows(today);
  const inside = (day: IsoDate, win: { from: string; to: string }) => day >= win.from && day <= win.to;
  // Five months of work, reaching back to the start of the summer peak when that is longer ago.
  const daysBack = Math.max(150, daysBetween(w.peak.from, today) + 14);
  await seedDemoActs(deps, DEMO_COMMUNE_CODE, rnd, people, members, (day) => (inside(day, w.peak) ? 3 : inside(day, w.current) ? 2 : 0.8), daysBack);
  const villages = await listVillages(deps, DEMO_COMMUNE_CODE);
  const perVillage = countHouseholds(people);
  await insertCampaign(deps, rnd, 'Cao điểm 60 ngày đêm hỗ trợ người dân dùng dịch vụ công trực tuyến', w.peak, villages.map((v) => v.id), perVillage,
    'Hai tháng cao điểm: tạo tài khoản, kích hoạt VNeID mức 2 và nộp hồ sơ trực tuyến cùng người dân, đến từng nhà.');
  await insertCampaign(deps, rnd, 'Chiến dịch cuối năm: mỗi hộ có ít nhất một người dùng VNeID mức 2', w.current, villages.map((v) => v.id), perVillage,
    'Tổ công nghệ số đến từng hộ còn thiếu, ưu tiên hộ có người cao tuổi.');
  await seedDemoAnnouncements(deps, w, villages.find((v) => v.name === 'Thôn Trà Kiểm')?.id);
}

function countHouseholds(people: DemoPerson[]): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const p of people) sets.set(p.villageId, (sets.get(p.villageId) ?? new Set()).add(p.householdId));
  return new Map([...sets].map(([v, s]) => [v, s.size]));
}

async function loadMembers(deps: AppDeps): Promise<DemoMemberRef[]> {
  const rows = await deps.db.select().from(teamMembers).where(eq(teamMembers.communeCode, DEMO_COMMUNE_CODE));
  if (rows.length === 0) return [];
  const cover = await deps.db.select().from(teamMemberVillages).where(inArray(teamMemberVillages.memberId, rows.map((r) => r.id)));
  return rows.filter((r) => r.staffAccountId).map((r) => ({
    id: r.id, accountId: r.staffAccountId!, fullName: r.fullName, villageIds: cover.filter((c) => c.memberId === r.id).map((c) => c.villageId),
  }));
}

async function insertCampaign(deps: AppDeps, rnd: DemoRandom, name: string, win: { from: string; to: string }, villageIds: string[], households: Map<string, number>, description: string): Promise<void> {
  const now = deps.now();
  const id = crypto.randomUUID();
  const target = (metric: (typeof campaignMetrics)[number], v: string) => {
    const n = households.get(v) ?? 20;
    return { accounts_created: Math.round(n * 0.5), vneid_level2: Math.round(n * 0.6), online_dossiers: rnd.int(4, 10), households_visited: Math.round(n * 0.8) }[metric];
  };
  await deps.db.insert(campaigns).values({ id, communeCode: DEMO_COMMUNE_CODE, name, description, startsOn: win.from, endsOn: win.to, createdBy: 'demo', createdAt: now, updatedAt: now });
  await deps.db.insert(campaignTargets).values(villageIds.flatMap((v) => campaignMetrics.map((metric) => ({ campaignId: id, villageId: v, metric, target: target(metric, v) }))));
}

async function seedDemoAnnouncements(deps: AppDeps, w: ReturnType<typeof demoCampaignWindows>, traKiem: string | undefined): Promise<void> {
  const now = deps.now();
  const at = (daysAgo: number) => makeLocalInstant(addDays(toLocalDate(now), -daysAgo), 8 * 60);
  const d = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
  const base = { communeCode: DEMO_COMMUNE_CODE, createdBy: 'demo', createdByName: 'Trương Thị Mỹ Linh', notifiedCount: null };
  const published = (daysAgo: number) => ({ status: 'published' as const, channels: ['bulletin', 'leaflet', 'loudspeaker'], createdAt: at(daysAgo + 1), publishedAt: at(daysAgo) });
  await deps.db.insert(announcements).values([
    { ...base, ...published(Math.max(1, daysBetween(w.peak.from, toLocalDate(now)) + 3)), id: crypto.randomUUID(), kind: 'campaign', villageIds: [], contactPhone: '0905200001',
      title: `Cao điểm hỗ trợ dịch vụ công trực tuyến từ ${d(w.peak.from)} đến ${d(w.peak.to)}`,
      body: `Từ ${d(w.peak.from)} đến ${d(w.peak.to)}, Tổ công nghệ số cộng đồng đến từng nhà giúp bà con tạo tài khoản dịch vụ công, kích hoạt VNeID mức 2 và nộp hồ sơ trực tuyến. Bà con mang theo căn cước và điện thoại.` },
    { ...base, ...published(12), id: crypto.randomUUID(), kind: 'scam_warning', villageIds: [], contactPhone: '0905200001',
      title: 'Giả danh công an gọi điện yêu cầu cập nhật VNeID',
      body: 'Gần đây có 3 trường hợp trong xã nhận cuộc gọi tự xưng công an, yêu cầu cài ứng dụng lạ để "cập nhật VNeID mức 2" rồi chiếm đoạt 15.000.000 đồng. Công an không gọi điện yêu cầu việc này. Gặp trường hợp như vậy, bà con báo ngay cho công an xã hoặc Tổ công nghệ số.' },
    { ...base, ...published(5), id: crypto.randomUUID(), kind: 'general', villageIds: traKiem ? [traKiem] : [], contactPhone: '0905200002',
      title: 'Lịch trực hỗ trợ tại Nhà văn hoá thôn Trà Kiểm',
      body: 'Sáng thứ Năm hằng tuần, từ 7h30 đến 11h00, Tổ công nghệ số trực tại Nhà văn hoá thôn Trà Kiểm: cài đặt và kích hoạt VNeID mức 2, tạo tài khoản dịch vụ công, hướng dẫn thanh toán không dùng tiền mặt.' },
    { ...base, id: crypto.randomUUID(), kind: 'general', villageIds: [], contactPhone: null, status: 'draft', channels: [], createdAt: at(0), publishedAt: null,
      title: 'Hướng dẫn nộp lệ phí trực tuyến qua mã QR', body: 'Bản nháp: hướng dẫn bà con quét mã VietQR trên biên nhận để nộp lệ phí hồ sơ.' },
  ]);
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
