import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db';

/**
 * Generates a province of dossiers with INSERT … SELECT generate_series (no per-row round trip).
 * Choices are drawn with random() per row (the figures differ slightly from run to run; both readers see the same data).
 * The data is plausible, not a replay of the state machine: logs use fixed sequence slots (gaps
 * allowed), and the online share rises over the two years like the demo year.
 */
export interface GenerateOptions {
  communes: string[];
  dossiers: number;
  chunk: number;
  now: Date;
  onProgress?: (done: number) => void;
}

const TRIGGERS: [string, string][] = [
  ['dossiers', 'indicator_dossiers_inserted'], ['dossiers', 'indicator_dossiers_updated'], ['dossiers', 'indicator_dossiers_deleted'],
  ['dossier_actions', 'indicator_dossier_actions_inserted'], ['dossier_actions', 'indicator_dossier_actions_deleted'],
];

export async function setIndicatorTriggers(db: Db, enabled: boolean): Promise<void> {
  for (const [table, trigger] of TRIGGERS) await db.execute(sql.raw(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`));
}

/** Secondary indexes are dropped for the load and rebuilt after it (much faster than row by row). */
export async function dropSecondaryIndexes(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string; def: string }>(db, sql`
    select indexname as name, indexdef as def from pg_indexes
    where tablename in ('dossiers', 'dossier_actions') and indexname not like '%_pkey'`);
  for (const r of rows) await db.execute(sql.raw(`drop index ${r.name}`));
  return rows.map((r) => r.def);
}

export async function createIndexes(db: Db, defs: string[]): Promise<void> {
  for (const def of defs) await db.execute(sql.raw(def));
}

export async function generateProvince(db: Db, o: GenerateOptions): Promise<void> {
  const codes = o.communes.map((c) => `'${c.replace(/\D/g, '')}'`).join(',');
  await db.execute(sql.raw(`create table bench_communes as select (ord - 1)::int as idx, code from unnest(array[${codes}]) with ordinality as u(code, ord)`));
  await db.execute(sql`create table bench_procs as select (row_number() over (order by code) - 1)::int as idx, code, processing_days as days, fee_vnd as fee from procedures`);
  await db.execute(sql`
    insert into villages (id, commune_code, name, kind, contact_phone, created_at, updated_at)
    select md5('v' || c.code || ':' || g)::uuid, c.code, 'Thôn ' || g, 'thon', null, ${o.now}, ${o.now}
    from bench_communes c cross join generate_series(0, 9) g`);
  for (let lo = 1; lo <= o.dossiers; lo += o.chunk) {
    const hi = Math.min(o.dossiers, lo + o.chunk - 1);
    await insertDossiers(db, lo, hi, o);
    await insertActions(db, lo, hi, o.now);
    o.onProgress?.(hi);
  }
  await db.execute(sql`drop table bench_communes`);
  await db.execute(sql`drop table bench_procs`);
}

const id = (i: number) => `bd${String(i).padStart(9, '0')}`;

async function insertDossiers(db: Db, lo: number, hi: number, o: GenerateOptions): Promise<void> {
  const C = o.communes.length;
  await db.execute(sql`
    insert into dossiers (id, code, commune_code, procedure_code, village_id, applicant_name, applicant_id_number, applicant_phone,
      applicant_address, citizen_id, fields, channel, on_behalf, submitted_by, submitted_by_role, processing_days, fee_vnd,
      idempotency_key, request_hash, submitted_at, status, national_status, received_at, due_at, finished_at, version, updated_at)
    select 'bd' || lpad(g.i::text, 9, '0'), 'B.' || lpad(g.i::text, 9, '0'), c.code, p.code,
      md5('v' || c.code || ':' || (g.i % 10))::uuid::text, 'Nguyễn Văn An', '051090012345', '0900000001', null, null, '{}'::jsonb,
      x.channel, x.on_behalf, 'bench', coalesce(x.on_behalf, 'citizen'), p.days, p.fee, null, null,
      x.submitted_at, y.status,
      case y.status when 'in_progress' then 4 when 'rejected' then 8 when 'withdrawn' then 7 when 'result_ready' then 9 else 10 end,
      x.received_at, x.due_at, y.finished_at, 5, coalesce(y.finished_at, x.received_at)
    from (select i, random() as ra, random() as rb, random() as rc, random() as rd, random() as re
          from generate_series(${lo}::int, ${hi}::int) i) g
    join bench_communes c on c.idx = g.i % ${C}::int
    join bench_procs p on p.idx = (g.i / ${C}::int) % (select count(*) from bench_procs)::int
    cross join lateral (select g.ra, g.rb, g.rc, g.rd, g.re) r
    cross join lateral (select floor(r.ra * 730)::int as age) a
    cross join lateral (select
      ${o.now}::timestamptz - make_interval(days => a.age, hours => 1 + floor(r.rc * 8)::int) as submitted_at,
      -- The online share climbs from ~15% two years ago to ~60% now.
      case when r.rb < 0.15 + 0.45 * (1 - a.age / 730.0) then 'online' else 'in_person' end as channel) s
    cross join lateral (select s.submitted_at, s.channel,
      case when s.channel = 'online' then (case when r.rc < 0.3 then 'volunteer' end) else 'officer' end as on_behalf,
      s.submitted_at + case when s.channel = 'online' then interval '3 hours' else interval '0' end as received_at,
      s.submitted_at + make_interval(secs => (p.days * 1.4 + 0.3) * 86400) as due_at) x
    cross join lateral (select x.received_at + make_interval(secs => r.re * (p.days * 1.6 + 0.6) * 86400) as fin) f
    cross join lateral (select
      case when a.age < 7 and r.rd < 0.6 then 'in_progress' when a.age >= 7 and r.rd < 0.001 then 'in_progress'
           when f.fin > ${o.now}::timestamptz then 'in_progress'
           when r.rd < 0.03 then 'rejected' when r.rd < 0.045 then 'withdrawn' when r.rd < 0.075 then 'result_ready'
           else 'returned' end as status) st
    cross join lateral (select st.status, case when st.status = 'in_progress' then null else f.fin end as finished_at) y`);
}

async function insertActions(db: Db, lo: number, hi: number, now: Date): Promise<void> {
  await db.execute(sql`
    insert into dossier_actions (dossier_id, seq, type, at, actor_role)
    select d.id, v.seq, v.type, v.at, v.role
    from dossiers d
    cross join lateral (select
      (abs(hashtext(d.id || 's')) % 100) < 8 and (d.finished_at is null or d.finished_at > d.received_at + interval '30 hours')
        and d.received_at + interval '26 hours' < ${now}::timestamptz as supp,
      (abs(hashtext(d.id || 'r')) % 100) < 3 and d.finished_at > d.due_at - interval '20 hours' as reap) f
    cross join lateral (values
      (1, 'submit', d.submitted_at, d.submitted_by_role),
      (2, 'receive', d.received_at, 'officer'),
      (3, 'start_processing', d.received_at + interval '1 hour', 'specialist'),
      (4, case when f.supp then 'request_supplement' end, d.received_at + interval '2 hours', 'specialist'),
      (5, case when f.supp then 'supplement' end, d.received_at + interval '26 hours', 'citizen'),
      (6, case when f.reap then 'reappoint' end, d.due_at - interval '20 hours', 'specialist'),
      (7, case d.status when 'rejected' then 'reject' when 'withdrawn' then 'withdraw' when 'result_ready' then 'approve'
                        when 'returned' then 'approve' end, d.finished_at, 'leader'),
      (8, case when d.status = 'returned' then 'return_result' end, d.finished_at + interval '4 hours', 'officer')
    ) v(seq, type, at, role)
    where d.id between ${id(lo)} and ${id(hi)} and v.type is not null`);
}
