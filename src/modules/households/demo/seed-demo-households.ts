import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { toLocalDate } from '../../../shared/calendar';
import { foldVietnamese } from '../../../shared/text';
import { DEMO_COMMUNE_CODE, listVillages } from '../../admin-units';
import { DEMO_CITIZEN_PHONES } from '../../auth';
import { householdPeople, households, recordChanges } from '../households.schema';
import { makeDemoHousehold } from './demo-people';
import { linkOnlineFilers } from './link-online-filers';
import { createDemoRandom } from './random';

const DAY = 86_400_000;

/**
 * About 240 households with mixed readiness in the demo commune's villages, as if the team
 * had imported its village lists a year ago. The first households of Thôn Trà Kiểm are
 * headed by the demo citizens (0900000001…), so a consent code reaches a phone the demo
 * can read (GET /api/dev/messages). Only on a database without households.
 */
export async function seedDemoHouseholds(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(households);
  if ((existing?.n ?? 0) > 0) return;
  const villages = await listVillages(deps, DEMO_COMMUNE_CODE);
  if (villages.length === 0) return;
  const now = deps.now();
  // Imported a year ago, before any support act of the demo (which reach back at most to the last summer peak).
  const createdAt = new Date(now.getTime() - 365 * DAY);
  const year = Number(toLocalDate(now).slice(0, 4));
  const rnd = createDemoRandom(20260808);
  const clock = { '*': { at: createdAt.toISOString(), cmd: 'demo-import', by: 'Nhập danh sách thôn' } };
  const hRows: (typeof households.$inferInsert)[] = [];
  const pRows: (typeof householdPeople.$inferInsert)[] = [];
  const history: (typeof recordChanges.$inferInsert)[] = [];
  const demoPhones = [...DEMO_CITIZEN_PHONES];
  for (const v of villages) {
    const count = rnd.int(24, 36);
    const heads = new Set<string>();
    for (let i = 0; i < count; i++) {
      const headPhone = v.name === 'Thôn Trà Kiểm' ? demoPhones.shift() : undefined;
      let plan = makeDemoHousehold(rnd, year, v.name, headPhone);
      // Homonyms exist in real villages, but the demo keeps heads distinct so the duplicate warning shows only when asked for.
      while (heads.has(foldVietnamese(plan.members.find((m) => m.isHead)!.fullName))) plan = makeDemoHousehold(rnd, year, v.name, headPhone);
      const id = crypto.randomUUID();
      const head = plan.members.find((m) => m.isHead)!;
      heads.add(foldVietnamese(head.fullName));
      hRows.push({
        id, communeCode: DEMO_COMMUNE_CODE, villageId: v.id, headName: head.fullName, headFolded: foldVietnamese(head.fullName),
        address: `Xóm ${rnd.pick(['Trên', 'Giữa', 'Dưới', 'Mới'])}, ${v.name}`, notes: null, fieldClock: clock, version: 1, createdBy: null, createdAt, updatedAt: createdAt,
      });
      const common = { communeCode: DEMO_COMMUNE_CODE, villageId: v.id, householdId: id, field: '*', outcome: 'applied' as const, source: 'import' as const, actorName: 'Nhập danh sách thôn', deviceAt: createdAt, serverAt: createdAt };
      history.push({ ...common, entity: 'household', entityId: id, newValue: { headName: head.fullName } });
      for (const m of plan.members) {
        const pid = crypto.randomUUID();
        pRows.push({ ...m, id: pid, householdId: id, communeCode: DEMO_COMMUNE_CODE, villageId: v.id, fieldClock: clock, version: 1, createdAt, updatedAt: createdAt });
        history.push({ ...common, entity: 'person', entityId: pid, newValue: { fullName: m.fullName, isHead: m.isHead } });
      }
    }
  }
  await linkOnlineFilers(deps, pRows);
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < hRows.length; i += 200) await tx.insert(households).values(hRows.slice(i, i + 200));
    for (let i = 0; i < pRows.length; i += 200) await tx.insert(householdPeople).values(pRows.slice(i, i + 200));
    for (let i = 0; i < history.length; i += 200) await tx.insert(recordChanges).values(history.slice(i, i + 200));
  });
}
