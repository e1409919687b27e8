import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { addDays, makeLocalInstant, toLocalDate, type IsoDate } from '../../../shared/calendar';
import { householdPeople, householdRecordChanges, raiseVneid, type DemoRandom, type Vneid } from '../../households';
import { supportActs } from '../outreach.schema';
import { readinessEffectsOf, type SupportKind, type SupportPlace } from '../../../shared/field/support-kinds';

export interface DemoPerson {
  id: string;
  householdId: string;
  villageId: string;
  birthYear: number | null;
  portalAccount: boolean | null;
  vneid: string | null;
  bankOrMobileMoney: boolean | null;
  fieldClock: Record<string, { at: string; cmd: string; by?: string }>;
}

export interface DemoMemberRef {
  id: string;
  accountId: string;
  fullName: string;
  villageIds: string[];
}

/** How busy a day was: three times the usual during the summer peak, twice in the current push. */
export type Busyness = (day: IsoDate) => number;

function pickKinds(rnd: DemoRandom, p: DemoPerson | undefined): SupportKind[] {
  const kinds = new Set<SupportKind>();
  if (p && p.portalAccount !== true && rnd.chance(0.45)) kinds.add('account_created');
  if (p && p.vneid !== 'level2' && rnd.chance(0.4)) kinds.add(rnd.chance(0.7) ? 'vneid_level2' : 'vneid_installed');
  if (rnd.chance(0.25)) kinds.add('scam_awareness');
  if (p && p.bankOrMobileMoney !== true && rnd.chance(0.15)) kinds.add('cashless_app_installed');
  if (rnd.chance(0.06)) kinds.add('dossier_submitted_online');
  if (rnd.chance(0.03)) kinds.add('ecommerce_onboarding');
  if (kinds.size === 0) kinds.add(rnd.chance(0.5) ? 'scam_awareness' : 'other');
  return [...kinds];
}

/**
 * Support acts over the past `daysBack` days, each by a member covering the village, and the
 * readiness changes they caused, written as the live system would (history rows included).
 */
export async function seedDemoActs(deps: AppDeps, communeCode: string, rnd: DemoRandom, people: DemoPerson[], members: DemoMemberRef[], busy: Busyness, daysBack: number): Promise<number> {
  const now = deps.now();
  const out: Effects = { history: [], changed: new Set() };
  const today = toLocalDate(now);
  const byVillage = new Map<string, DemoPerson[]>();
  for (const p of people) byVillage.set(p.villageId, [...(byVillage.get(p.villageId) ?? []), p]);
  const villages = [...byVillage.keys()];
  const acts: (typeof supportActs.$inferInsert)[] = [];
  for (let d = daysBack; d >= 0; d--) {
    const day = addDays(today, -d);
    const count = Math.round(rnd.next() * 2.2 * busy(day));
    for (let i = 0; i < count; i++) {
      const at = makeLocalInstant(day, rnd.int(7 * 60 + 30, 17 * 60));
      if (at >= now) continue;
      const villageId = rnd.pick(villages);
      const member = rnd.pick(members.filter((m) => m.villageIds.includes(villageId)).concat(members.slice(0, 1)));
      const person = rnd.chance(0.82) ? rnd.pick(byVillage.get(villageId)!.filter((p) => p.birthYear === null || Number(day.slice(0, 4)) - p.birthYear >= 18)) : undefined;
      const place: SupportPlace = person ? rnd.pick(['door_to_door', 'door_to_door', 'door_to_door', 'it_point', 'it_point', 'phone', 'one_stop_office']) : 'it_point';
      const roll = rnd.next();
      acts.push({
        id: crypto.randomUUID(), communeCode, villageId, householdId: person?.householdId ?? null, personId: person?.id ?? null, place,
        kinds: pickKinds(rnd, person), outcome: roll < 0.86 ? 'done' : roll < 0.95 ? 'partial' : 'not_done', durationMinutes: rnd.int(5, 45),
        note: null, attachmentIds: [], dossierCode: null, memberId: member.id, actorId: member.accountId, actorName: member.fullName,
        occurredAt: at, recordedAt: new Date(Math.min(now.getTime(), at.getTime() + rnd.int(1, 600) * 60_000)), commandId: null,
      });
      if (person) applyEffects(person, acts[acts.length - 1]!, out);
    }
  }
  return acts.length ? writeActs(deps, acts, out) : 0;
}

interface Effects {
  history: (typeof householdRecordChanges.$inferInsert)[];
  changed: Set<DemoPerson>;
}

function applyEffects(p: DemoPerson, act: typeof supportActs.$inferInsert, out: Effects): void {
  const effects = readinessEffectsOf(act.kinds as SupportKind[], act.outcome!);
  const clock = { at: act.occurredAt!.toISOString(), cmd: act.id!, by: act.actorName };
  for (const [field, raw] of Object.entries(effects)) {
    const key = field as 'portalAccount' | 'vneid' | 'bankOrMobileMoney';
    const value = key === 'vneid' ? raiseVneid(p.vneid as Vneid | null, raw as Vneid) : raw;
    const old = p[key];
    out.history.push({
      communeCode: act.communeCode, villageId: p.villageId, householdId: p.householdId, entity: 'person', entityId: p.id, field, oldValue: old, newValue: value,
      outcome: old === value ? 'same' : 'applied', source: 'support_act', actorId: act.actorId, actorName: act.actorName, deviceAt: act.occurredAt!, serverAt: act.recordedAt!,
    });
    (p as unknown as Record<string, unknown>)[key] = value;
    p.fieldClock[field] = clock;
    out.changed.add(p);
  }
}

async function writeActs(deps: AppDeps, acts: (typeof supportActs.$inferInsert)[], out: Effects): Promise<number> {
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < acts.length; i += 200) await tx.insert(supportActs).values(acts.slice(i, i + 200));
    for (let i = 0; i < out.history.length; i += 200) await tx.insert(householdRecordChanges).values(out.history.slice(i, i + 200));
    for (const p of out.changed) {
      await tx.update(householdPeople).set({ portalAccount: p.portalAccount, vneid: p.vneid, bankOrMobileMoney: p.bankOrMobileMoney, fieldClock: p.fieldClock, version: 2 }).where(eq(householdPeople.id, p.id));
    }
  });
  return acts.length;
}
