import { and, desc, gte, inArray, lte, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { campaigns, type CampaignRow } from './outreach.schema';

/**
 * Read-only tallies of the support log for the indicators module (team activity, issue 6). Every query is
 * bounded by support_acts_commune_at_idx (commune, occurred_at). Acts are facts, never edited, so a tally of
 * a closed period never changes.
 */
export type ActDimension = 'commune' | 'month' | 'day' | 'village' | 'member' | 'place' | 'outcome';

export interface ActTally {
  communeCode: string;
  dimension: ActDimension;
  /** The value of the dimension: '' for 'commune', 'YYYY-MM', 'YYYY-MM-DD' (local), a village id, a member id… */
  key: string;
  /** The member's name as recorded on the acts (for 'member'), else null. */
  label: string | null;
  acts: number;
  /** Acts whose outcome is "done". */
  done: number;
  /** Distinct people helped who are in the household registry, and acts for anonymous walk-ins (one person each). */
  people: number;
  anonymous: number;
  /** Distinct households visited door to door. */
  householdsVisited: number;
  minutes: number;
  /** When the latest of these acts reached the server. */
  lastChangeAt: Date | null;
}

const LOCAL = sql`((a.occurred_at at time zone 'UTC') + interval '7 hours')`;
const actKey: Record<ActDimension, ReturnType<typeof sql>> = {
  commune: sql`''`,
  month: sql`to_char(${LOCAL}, 'YYYY-MM')`,
  day: sql`to_char(${LOCAL}, 'YYYY-MM-DD')`,
  village: sql`a.village_id`,
  member: sql`coalesce(a.member_id, a.actor_id)`,
  place: sql`a.place`,
  outcome: sql`a.outcome`,
};

function inWindow(communeCodes: string[], from: Date, until: Date) {
  return sql`a.commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)})
    and a.occurred_at >= ${from.toISOString()}::timestamptz and a.occurred_at < ${until.toISOString()}::timestamptz`;
}

/**
 * Acts of the communes in [from, until) counted by each dimension asked for, in one statement (one branch per
 * dimension, since distinct people cannot be added up across rows).
 */
export async function tallySupportActs(db: Db, communeCodes: string[], from: Date, until: Date, dimensions: ActDimension[]): Promise<ActTally[]> {
  if (communeCodes.length === 0 || dimensions.length === 0) return [];
  const branch = (by: ActDimension) => sql`
    select ${by}::text as dimension, a.commune_code, ${actKey[by]} as key, ${by === 'member' ? sql`max(a.actor_name)` : sql`null::text`} as label,
      count(*)::int as acts, count(*) filter (where a.outcome = 'done')::int as done,
      count(distinct a.person_id)::int as people, count(*) filter (where a.person_id is null)::int as anonymous,
      count(distinct a.household_id) filter (where a.place = 'door_to_door')::int as visited,
      coalesce(sum(a.duration_minutes), 0)::int as minutes, max(a.recorded_at) as last_change_at
    from support_acts a
    where ${inWindow(communeCodes, from, until)}
    group by 2, 3`;
  const rows = await queryRows<{ dimension: ActDimension; commune_code: string; key: string; label: string | null; acts: number; done: number; people: number; anonymous: number; visited: number; minutes: number; last_change_at: string | Date | null }>(
    db, sql.join(dimensions.map((d) => sql`(${branch(d)})`), sql` union all `));
  return rows.map((r) => ({
    communeCode: r.commune_code, dimension: r.dimension, key: r.key, label: r.label, acts: r.acts, done: r.done, people: r.people, anonymous: r.anonymous,
    householdsVisited: r.visited, minutes: r.minutes, lastChangeAt: r.last_change_at ? new Date(r.last_change_at) : null,
  }));
}

/** Acts per kind of help (an act with two kinds counts under each), and of them those done. */
export async function tallySupportKinds(db: Db, communeCodes: string[], from: Date, until: Date): Promise<{ communeCode: string; kind: string; acts: number; done: number }[]> {
  if (communeCodes.length === 0) return [];
  const rows = await queryRows<{ commune_code: string; kind: string; acts: number; done: number }>(db, sql`
    select a.commune_code, k.kind, count(*)::int as acts, count(*) filter (where a.outcome = 'done')::int as done
    from support_acts a cross join lateral jsonb_array_elements_text(a.kinds) as k(kind)
    where ${inWindow(communeCodes, from, until)}
    group by 1, 2`);
  return rows.map((r) => ({ communeCode: r.commune_code, kind: r.kind, acts: r.acts, done: r.done }));
}

/** Campaigns of the communes whose dates overlap [fromDay, toDay] (local dates), the latest first. */
export async function listCampaignsOverlapping(db: Db, communeCodes: string[], fromDay: string, toDay: string, limit = 50): Promise<CampaignRow[]> {
  if (communeCodes.length === 0) return [];
  return db.select().from(campaigns)
    .where(and(inArray(campaigns.communeCode, communeCodes), lte(campaigns.startsOn, toDay), gte(campaigns.endsOn, fromDay)))
    .orderBy(desc(campaigns.startsOn)).limit(limit);
}

/** One support act as the indicators tally it (no note, no attachment, no name of the person helped). */
export interface ActFact {
  /** Local day of the act, 'YYYY-MM-DD'. */
  day: string;
  villageId: string;
  memberKey: string;
  memberName: string;
  place: string;
  outcome: string;
  personId: string | null;
  householdId: string | null;
  minutes: number;
  kinds: string[];
  recordedAt: Date;
}

/**
 * The acts of one commune in [from, until), for tallies made in memory: one indexed range scan instead of a
 * statement per breakdown (PGlite pays per statement). A commune logs a few thousand acts a year.
 */
export async function listActFacts(db: Db, communeCode: string, from: Date, until: Date): Promise<ActFact[]> {
  const rows = await queryRows<{ day: string; village_id: string; member_key: string; actor_name: string; place: string; outcome: string; person_id: string | null; household_id: string | null; duration_minutes: number; kinds: string[] | string; recorded_at: string | Date }>(db, sql`
    select to_char(${LOCAL}, 'YYYY-MM-DD') as day, a.village_id, coalesce(a.member_id, a.actor_id) as member_key, a.actor_name, a.place, a.outcome,
      a.person_id, a.household_id, a.duration_minutes, a.kinds, a.recorded_at
    from support_acts a
    where ${inWindow([communeCode], from, until)}`);
  return rows.map((r) => ({
    day: r.day, villageId: r.village_id, memberKey: r.member_key, memberName: r.actor_name, place: r.place, outcome: r.outcome,
    personId: r.person_id, householdId: r.household_id, minutes: r.duration_minutes,
    kinds: typeof r.kinds === 'string' ? (JSON.parse(r.kinds) as string[]) : r.kinds, recordedAt: new Date(r.recorded_at),
  }));
}
