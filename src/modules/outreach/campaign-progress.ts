import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { CampaignMetric } from '../../shared/field/support-kinds';

export interface ProgressWindow {
  communeCode: string;
  from: Date;
  until: Date;
}

type Counts = Map<string, number>;

async function countBy(db: Db, query: ReturnType<typeof sql>): Promise<Counts> {
  const rows = await queryRows<{ village_id: string; n: number }>(db, query);
  return new Map(rows.map((r) => [r.village_id, Number(r.n)]));
}

const actsOfKind = (w: ProgressWindow, kind: string) => sql`
  select village_id, count(*)::int as n from support_acts
  where commune_code = ${w.communeCode} and occurred_at >= ${w.from.toISOString()}::timestamptz and occurred_at < ${w.until.toISOString()}::timestamptz
    and outcome = 'done' and kinds @> ${JSON.stringify([kind])}::jsonb
  group by village_id`;

/**
 * Live counts per village for a campaign period, straight from the support log, plus
 * dossiers filed on a citizen's behalf by a volunteer. Each dossier counts once: from the
 * dossiers table when it carries its village, otherwise through its support act (which
 * always has one); an act "dossier submitted online" without a dossier code (filed on the
 * national portal) counts too.
 */
export async function countProgress(db: Db, w: ProgressWindow): Promise<Record<CampaignMetric, Counts>> {
  const [accounts, vneid, dossiers, portalActs, visited] = await Promise.all([
    countBy(db, actsOfKind(w, 'account_created')),
    countBy(db, actsOfKind(w, 'vneid_level2')),
    countBy(db, sql`
      select village_id, count(*)::int as n from dossiers
      where commune_code = ${w.communeCode} and on_behalf = 'volunteer' and village_id is not null
        and submitted_at >= ${w.from.toISOString()}::timestamptz and submitted_at < ${w.until.toISOString()}::timestamptz
      group by village_id`),
    countBy(db, sql`
      select a.village_id, count(*)::int as n from support_acts a left join dossiers d on d.code = a.dossier_code
      where a.commune_code = ${w.communeCode} and a.occurred_at >= ${w.from.toISOString()}::timestamptz and a.occurred_at < ${w.until.toISOString()}::timestamptz
        and a.outcome = 'done' and a.kinds @> ${JSON.stringify(['dossier_submitted_online'])}::jsonb and (a.dossier_code is null or d.village_id is null)
      group by a.village_id`),
    countBy(db, sql`
      select village_id, count(distinct household_id)::int as n from support_acts
      where commune_code = ${w.communeCode} and occurred_at >= ${w.from.toISOString()}::timestamptz and occurred_at < ${w.until.toISOString()}::timestamptz
        and place = 'door_to_door' and household_id is not null
      group by village_id`),
  ]);
  const online = new Map(dossiers);
  for (const [v, n] of portalActs) online.set(v, (online.get(v) ?? 0) + n);
  return { accounts_created: accounts, vneid_level2: vneid, online_dossiers: online, households_visited: visited };
}

export function percentOf(achieved: number, target: number): number | null {
  return target > 0 ? Math.round((achieved * 100) / target) : null;
}
