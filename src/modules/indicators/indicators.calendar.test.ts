import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db';
import { addDays, countWorkingDaysBetween, isWorkingDay, listDaysOff, toLocalDate, type YearSchedule } from '../../shared/calendar';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { getWorkingCalendar, listSchedules } from '../calendar';
import { bearer } from '../../../tests/support/test-app';
import { diffAggregatesWithNaive, diffFactsWithNaive } from './maintenance.repo';
import { COMMUNE } from './indicators.test-support';

/**
 * The triggers count working days in SQL from the materialised calendar; it must agree with the
 * TypeScript calendar (Tết, swapped days, the 15:00 cut-off) on any pair of instants.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('working days in SQL', () => {
  it('equal countWorkingDaysBetween for any two instants of 2025–2027', async () => {
    const calendar = await getWorkingCalendar(t.deps, null);
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = 3 * 365 * 86_400_000;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: 40 * 86_400_000 }), async (a, gap) => {
      const from = new Date(start + a);
      const to = new Date(start + a + gap);
      const [row] = await queryRows<{ n: number }>(t.deps.db, sql`select indicator_workdays_between('national', ${from}, ${to}) as n`);
      expect(row!.n).toBe(countWorkingDaysBetween(from, to, calendar));
    }), { numRuns: 300 });
  });

  it('counts Tết 2026 as days off', async () => {
    // 13/02/2026 (Friday) to 23/02/2026 (Monday): Tết takes Monday 16 to Friday 20, so only Monday 23 counts.
    const [row] = await queryRows<{ n: number }>(t.deps.db, sql`
      select indicator_workdays_between('national', '2026-02-13T02:00:00Z'::timestamptz, '2026-02-23T02:00:00Z'::timestamptz) as n`);
    expect(row!.n).toBe(1);
  });
});

describe("a commune's corrected calendar", () => {
  it('changes its processing times, and the aggregates still equal the naive recomputation', async () => {
    const national = await getWorkingCalendar(t.deps, null);
    // A working day about two months ago, in the middle of the demo year.
    let day = toLocalDate(new Date(t.deps.now().getTime() - 60 * 86_400_000));
    while (!isWorkingDay(day, national)) day = addDays(day, 1);
    const year = Number(day.slice(0, 4));
    const base = (await listSchedules(t.deps)).find((s) => s.scope === 'national' && s.year === year)?.schedule as YearSchedule | undefined;
    const correction: YearSchedule = {
      year,
      daysOff: [...listDaysOff(year, base), { date: day, reasonVi: 'Nghỉ lễ hội địa phương', reasonEn: 'Local festival' }],
      workingDays: base?.workingDays ?? [],
      source: 'Quyết định của UBND xã (thử nghiệm)',
    };
    const before = await queryRows<{ wd: number }>(t.deps.db, sql`select coalesce(sum(processing_wd), 0)::int as wd from indicator_dossier_facts where commune_code = ${COMMUNE}`);
    const put = await t.app.inject({
      method: 'PUT', url: `/api/communes/${COMMUNE}/calendar/${year}`, payload: correction, headers: bearer(await t.staffToken('demo.admin')),
    });
    expect(put.statusCode).toBe(200);
    // The next dashboard read picks the correction up.
    const dash = await t.app.inject({ method: 'GET', url: `/api/indicators/communes/${COMMUNE}/dashboard`, headers: bearer(await t.staffToken('demo.leader')) });
    expect(dash.statusCode).toBe(200);
    const at9 = new Date(`${day}T09:00:00+07:00`);
    const next = new Date(at9.getTime() + 86_400_000);
    const [n] = await queryRows<{ commune: number; nat: number }>(t.deps.db, sql`
      select indicator_workdays_between(indicator_calendar_scope(${COMMUNE}), ${at9}, ${next}) as commune,
             indicator_workdays_between('national', ${at9}, ${next}) as nat`);
    expect(n!.commune).toBe(n!.nat - 1);
    const after = await queryRows<{ wd: number }>(t.deps.db, sql`select coalesce(sum(processing_wd), 0)::int as wd from indicator_dossier_facts where commune_code = ${COMMUNE}`);
    expect(after[0]!.wd).toBeLessThanOrEqual(before[0]!.wd);
    expect(await diffFactsWithNaive(t.deps.db)).toEqual([]);
    expect(await diffAggregatesWithNaive(t.deps.db)).toEqual([]);
    // Back to the national calendar.
    const del = await t.app.inject({ method: 'DELETE', url: `/api/communes/${COMMUNE}/calendar/${year}`, headers: bearer(await t.staffToken('demo.admin')) });
    expect(del.statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url: `/api/indicators/communes/${COMMUNE}/dashboard`, headers: bearer(await t.staffToken('demo.leader')) });
    const restored = await queryRows<{ wd: number }>(t.deps.db, sql`select coalesce(sum(processing_wd), 0)::int as wd from indicator_dossier_facts where commune_code = ${COMMUNE}`);
    expect(restored[0]!.wd).toBe(before[0]!.wd);
    expect(await diffAggregatesWithNaive(t.deps.db)).toEqual([]);
  });
});
