import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { householdConflicts, householdPeople, households, recordChanges, type HouseholdRow, type PersonRow } from './households.schema';

export async function findHousehold(db: Db, id: string, forUpdate = false): Promise<HouseholdRow | undefined> {
  const q = db.select().from(households).where(eq(households.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPerson(db: Db, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  const q = db.select().from(householdPeople).where(eq(householdPeople.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listLiveHouseholds(db: Db, villageIds: string[]): Promise<HouseholdRow[]> {
  if (villageIds.length === 0) return [];
  return db.select().from(households).where(and(inArray(households.villageId, villageIds), isNull(households.deletedAt)));
}

export async function listLivePeople(db: Db, householdIds: string[]): Promise<PersonRow[]> {
  if (householdIds.length === 0) return [];
  const out: PersonRow[] = [];
  for (let i = 0; i < householdIds.length; i += 1000) {
    const chunk = householdIds.slice(i, i + 1000);
    out.push(...(await db.select().from(householdPeople).where(and(inArray(householdPeople.householdId, chunk), isNull(householdPeople.deletedAt)))));
  }
  return out;
}

export async function listPeopleOfVillages(db: Db, villageIds: string[]): Promise<PersonRow[]> {
  if (villageIds.length === 0) return [];
  return db.select().from(householdPeople).where(and(inArray(householdPeople.villageId, villageIds), isNull(householdPeople.deletedAt)));
}

/** Live households of a village whose head's folded name is `headFolded`. */
export async function findSameHead(db: Db, villageId: string, headFolded: string, exceptId?: string): Promise<HouseholdRow[]> {
  const where = [eq(households.villageId, villageId), eq(households.headFolded, headFolded), isNull(households.deletedAt)];
  if (exceptId) where.push(ne(households.id, exceptId));
  return db.select().from(households).where(and(...where));
}

export async function listHistory(db: Db, householdId: string, limit: number) {
  return db.select().from(recordChanges).where(eq(recordChanges.householdId, householdId)).orderBy(desc(recordChanges.id)).limit(limit);
}

export async function listConflicts(db: Db, communeCode: string, status: 'open' | 'resolved', villageIds: string[]) {
  if (villageIds.length === 0) return [];
  return db
    .select()
    .from(householdConflicts)
    .where(and(eq(householdConflicts.communeCode, communeCode), eq(householdConflicts.status, status), inArray(householdConflicts.villageId, villageIds)))
    .orderBy(asc(householdConflicts.createdAt));
}

export async function findConflict(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(householdConflicts).where(eq(householdConflicts.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Adults of a village by digital readiness (households module's record), for the indicators' funnel (issue 6). */
export interface ReadinessTally {
  communeCode: string;
  villageId: string;
  adults: number;
  noDevice: number;
  basicPhone: number;
  notRecorded: number;
  /** Each criterion on its own. */
  smartphone: number;
  vneidLevel2: number;
  portalAccount: number;
  onlineOnce: number;
  onTheirOwn: number;
  /** The funnel: each step also meets every step before it (smartphone → VNeID level 2 → account → online → own). */
  funnel: [number, number, number, number, number];
  lastChangeAt: Date | null;
}

/**
 * Live adults (18+, or no birth year: readiness.ts isAdult). "Has done an online procedure":
 * a support act "dossier submitted online" done for them, or an online dossier of the citizen account with their
 * phone. "On their own": the team recorded them as independent, or that account filed an online dossier itself
 * (not on behalf). Bounded by household_people_commune_idx; the lookups use the person, phone and citizen indexes.
 */
export async function tallyReadiness(db: Db, communeCodes: string[], year: number): Promise<ReadinessTally[]> {
  if (communeCodes.length === 0) return [];
  // Index lookups per adult (phone → citizen → online dossiers; person → support acts), and no join to households
  // (removing a household tombstones its people: households.service removeHousehold): PGlite has no autovacuum, so
  // without statistics its planner turns joins into nested loops over the commune's index.
  const rows = await queryRows<Record<string, number> & { commune_code: string; village_id: string; last_change_at: string | Date | null }>(db, sql`
    select p.commune_code, p.village_id, count(*)::int as adults,
      count(*) filter (where p.smartphone = 'no')::int as no_device, count(*) filter (where p.smartphone = 'basic_phone')::int as basic_phone,
      count(*) filter (where p.smartphone is null)::int as not_recorded,
      count(*) filter (where p.smart)::int as smart, count(*) filter (where p.level2)::int as level2, count(*) filter (where p.account)::int as account,
      count(*) filter (where p.online_once)::int as online_once, count(*) filter (where p.on_own)::int as on_own,
      count(*) filter (where p.smart and p.level2)::int as f2, count(*) filter (where p.smart and p.level2 and p.account)::int as f3,
      count(*) filter (where p.smart and p.level2 and p.account and p.online_once)::int as f4,
      count(*) filter (where p.smart and p.level2 and p.account and p.online_once and p.on_own)::int as f5,
      max(p.updated_at) as last_change_at
    from (
      select hp.commune_code, hp.village_id, hp.smartphone, hp.updated_at,
        coalesce(hp.smartphone = 'yes', false) as smart, coalesce(hp.vneid = 'level2', false) as level2, coalesce(hp.portal_account, false) as account,
        (coalesce(o.any_online, false) or exists (select 1 from support_acts a where a.person_id = hp.id and a.outcome = 'done'
          and a.kinds @> '["dossier_submitted_online"]'::jsonb)) as online_once,
        (coalesce(hp.skill = 'independent', false) or coalesce(o.self_online, false)) as on_own
      from household_people hp
      left join lateral (
        select bool_or(true) as any_online, bool_or(d.on_behalf is null) as self_online
        from citizens c join dossiers d on d.citizen_id = c.id
        where hp.phone is not null and c.phone = hp.phone and d.channel = 'online'
      ) o on true
      where hp.commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)}) and hp.deleted_at is null
        and (hp.birth_year is null or hp.birth_year <= ${year - 18})
    ) p
    group by 1, 2`);
  return rows.map((r) => ({
    communeCode: r.commune_code, villageId: r.village_id, adults: r.adults!, noDevice: r.no_device!, basicPhone: r.basic_phone!, notRecorded: r.not_recorded!,
    smartphone: r.smart!, vneidLevel2: r.level2!, portalAccount: r.account!, onlineOnce: r.online_once!, onTheirOwn: r.on_own!,
    funnel: [r.smart!, r.f2!, r.f3!, r.f4!, r.f5!], lastChangeAt: r.last_change_at ? new Date(r.last_change_at) : null,
  }));
}

/** Live households per village and those where someone has fibre at home. */
export async function tallyFibre(db: Db, communeCodes: string[]): Promise<{ communeCode: string; villageId: string; households: number; fibre: number }[]> {
  if (communeCodes.length === 0) return [];
  const rows = await queryRows<{ commune_code: string; village_id: string; households: number; fibre: number }>(db, sql`
    select h.commune_code, h.village_id, count(*)::int as households,
      count(*) filter (where exists (select 1 from household_people hp where hp.household_id = h.id and hp.deleted_at is null and hp.fibre_at_home))::int as fibre
    from households h
    where h.commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)}) and h.deleted_at is null
    group by 1, 2`);
  return rows.map((r) => ({ communeCode: r.commune_code, villageId: r.village_id, households: r.households, fibre: r.fibre }));
}
