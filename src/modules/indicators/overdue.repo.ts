import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';

/**
 * "Overdue now" depends on the clock, so it is not a counter: it is read from the open dossiers
 * (a running appointment that has passed and no end of processing: src/shared/dossier isOverdue).
 * Only open dossiers are touched, through dossiers_commune_status_idx (commune, status, due_at):
 * a dossier has a running appointment only while received or in progress.
 */
const openWithDeadline = sql`status in ('received', 'in_progress') and finished_at is null`;

export async function countOverdueByCommune(db: Db, communeCodes: string[], now: Date): Promise<Map<string, number>> {
  if (communeCodes.length === 0) return new Map();
  const rows = await queryRows<{ commune_code: string; n: number }>(db, sql`
    select commune_code, count(*)::int as n from dossiers
    where commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)})
      and ${openWithDeadline} and due_at < ${now}
    group by commune_code`);
  return new Map(rows.map((r) => [r.commune_code, r.n]));
}

export async function countOverdueByVillage(db: Db, communeCode: string, now: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ village_key: string; n: number }>(db, sql`
    select coalesce(village_id, '') as village_key, count(*)::int as n from dossiers
    where commune_code = ${communeCode} and ${openWithDeadline} and due_at < ${now}
    group by 1`);
  return new Map(rows.map((r) => [r.village_key, r.n]));
}

export interface OverdueRow {
  code: string;
  procedureCode: string;
  villageId: string | null;
  status: string;
  channel: string;
  applicantName: string;
  receivedAt: Date | null;
  dueAt: Date;
  reappointed: boolean;
}

/** The most overdue first (the oldest appointment). */
export async function listOverdue(db: Db, communeCode: string, now: Date, limit: number, offset: number): Promise<OverdueRow[]> {
  const rows = await queryRows<{
    code: string; procedure_code: string; village_id: string | null; status: string; channel: string; applicant_name: string;
    received_at: string | Date | null; due_at: string | Date; reappointed: boolean;
  }>(db, sql`
    select d.code, d.procedure_code, d.village_id, d.status, d.channel, d.applicant_name, d.received_at, d.due_at,
      exists (select 1 from dossier_actions a where a.dossier_id = d.id and a.type = 'reappoint') as reappointed
    from dossiers d
    where d.commune_code = ${communeCode} and d.status in ('received', 'in_progress') and d.finished_at is null and d.due_at < ${now}
    order by d.due_at asc, d.code asc
    limit ${limit} offset ${offset}`);
  return rows.map((r) => ({
    code: r.code, procedureCode: r.procedure_code, villageId: r.village_id, status: r.status, channel: r.channel,
    applicantName: r.applicant_name, receivedAt: r.received_at ? new Date(r.received_at) : null, dueAt: new Date(r.due_at),
    reappointed: r.reappointed,
  }));
}
