import { sql } from 'drizzle-orm';
import type { StaffRole } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE } from '../admin-units';
import { citizens, staffAccounts } from './auth.schema';
import { DEMO_CITIZEN_PHONES } from './otp-rules';
import { hashPassword } from './passwords';

export const DEMO_STAFF: { username: string; fullName: string; role: StaffRole; provinceLevel?: true }[] = [
  { username: 'demo.officer', fullName: 'Nguyễn Thị Lan', role: 'officer' },
  { username: 'demo.specialist', fullName: 'Trần Văn Minh', role: 'specialist' },
  { username: 'demo.leader', fullName: 'Phạm Quốc Hùng', role: 'leader' },
  { username: 'demo.admin', fullName: 'Lê Thị Hoa', role: 'commune_admin' },
  { username: 'demo.volunteer', fullName: 'Võ Minh Tuấn', role: 'volunteer' },
  { username: 'demo.province', fullName: 'Đặng Thu Hà', role: 'province_viewer', provinceLevel: true },
];

const DEMO_CITIZEN_NAMES = [
  'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em',
  'Huỳnh Thị Gấm', 'Võ Văn Hải', 'Đặng Thị Yến', 'Bùi Văn Khoa',
];

/** One staff account per role and nine citizens, on an empty database only. */
export async function seedDemoAccounts(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(staffAccounts);
  if ((existing?.n ?? 0) > 0) return;
  const passwordHash = await hashPassword(deps.config.DEMO_PASSWORD);
  const now = deps.now();
  await deps.db.insert(staffAccounts).values(
    DEMO_STAFF.map((s) => ({
      id: crypto.randomUUID(),
      username: s.username,
      passwordHash,
      fullName: s.fullName,
      role: s.role,
      communeCode: s.provinceLevel ? null : DEMO_COMMUNE_CODE,
      provinceCode: DEMO_PROVINCE_CODE,
      createdAt: now,
    })),
  );
  await deps.db
    .insert(citizens)
    .values(DEMO_CITIZEN_PHONES.map((phone, i) => ({ id: crypto.randomUUID(), phone, fullName: DEMO_CITIZEN_NAMES[i] ?? null, createdAt: now })))
    .onConflictDoNothing();
}
