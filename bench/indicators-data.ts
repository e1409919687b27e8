import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db';
import { createPlanSql, insertActionsSql, insertDossiersSql, type PlanConstants } from './indicators-plan';

/**
 * A province of generated dossiers, loaded set-based inside the database (indicators-plan.ts):
 * indicator triggers off, secondary indexes dropped, `dossiers` and `dossier_actions` truncated and
 * filled in ONE transaction (on a wal_level=minimal server PostgreSQL then skips the WAL for them),
 * indexes rebuilt after the load. The aggregates are then rebuilt set-based by the caller
 * (rebuildIndicatorAggregates), as after any bulk load.
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

/**
 * How often each procedure is asked for at a commune, relative (1 = rare). Assumption for the bench, after
 * the commune-level procedures of the domain notes §7: certified copies and signatures dominate, then civil
 * status and residence. Procedures not listed weigh 1.
 */
const PROCEDURE_WEIGHTS: Record<string, number> = {
  '2.000815': 30, '2.000884': 8, '1.001193': 8, '1.004873': 6, '2.000635': 6, '1.004194': 6, '1.004222': 4, '2.001035': 4,
  '1.000656': 3, '1.000894': 3, '2.000986': 3, '2.001159': 3, '1.003677': 2, '2.000908': 2, '2.000942': 2,
};

export async function setIndicatorTriggers(db: Db, enabled: boolean): Promise<void> {
  for (const [table, trigger] of TRIGGERS) await db.execute(sql.raw(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`));
}

/**
 * Indexes are dropped for the load and built after it (a sort per index instead of one insertion per row),
 * the primary keys too when no foreign key depends on them. Returns the statements that rebuild them.
 */
export async function dropIndexes(db: Db): Promise<string[]> {
  const tables = sql`('dossiers'::regclass, 'dossier_actions'::regclass)`;
  const keys = await queryRows<{ t: string; name: string; def: string }>(db, sql`
    select conrelid::regclass::text as t, conname as name, pg_get_constraintdef(oid) as def from pg_constraint c
    where conrelid in ${tables} and contype = 'p'
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)`);
  const indexes = await queryRows<{ name: string; def: string }>(db, sql`
    select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index i
    where indrelid in ${tables} and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`);
  for (const k of keys) await db.execute(sql.raw(`alter table ${k.t} drop constraint ${k.name}`));
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.name}`));
  return [...keys.map((k) => `alter table ${k.t} add constraint ${k.name} ${k.def}`), ...indexes.map((i) => i.def)];
}

export async function createIndexes(db: Db, statements: string[]): Promise<void> {
  for (const s of statements) await db.execute(sql.raw(s));
}

/** 1,000 pick slots shared out by weight: slot → index. */
function pickSlots(weights: number[]): string {
  const total = weights.reduce((s, w) => s + w, 0);
  const slots: number[] = [];
  let acc = 0;
  weights.forEach((w, idx) => {
    acc += w;
    while (slots.length < Math.round((acc / total) * 1000)) slots.push(idx);
  });
  return slots.map((idx, slot) => `(${slot}, ${idx})`).join(',');
}

const localDay = (d: Date) => Math.floor((d.getTime() / 1000 + 25200) / 86400);

/** Lookup tables of the generator (dropped by dropGenerator): communes, villages, procedures, working days. */
export async function prepareGenerator(db: Db, o: GenerateOptions): Promise<PlanConstants> {
  const now = o.now.toISOString();
  await db.execute(sql.raw(`create or replace function bench_u(i bigint, k int) returns float8 language sql immutable parallel safe
    as $$ select (hashint8extended(i, k) & 2147483647)::float8 / 2147483648.0 $$`));
  const codes = o.communes.map((c) => `'${c.replace(/\D/g, '')}'`).join(',');
  // Ten villages (thôn/buôn) per commune; a few dossiers name none.
  await db.execute(sql.raw(`
    insert into villages (id, commune_code, name, kind, contact_phone, created_at, updated_at)
    select md5('v' || c || ':' || g)::uuid, c, case when g % 3 = 2 then 'Buôn ' else 'Thôn ' end || (g + 1),
      case when g % 3 = 2 then 'buon' else 'thon' end, null, '${now}', '${now}'
    from unnest(array[${codes}]) c cross join generate_series(0, 9) g`));
  // Communes differ in size: weights 1–4, deterministic. Each of the 1,000 slots carries its commune.
  await db.execute(sql`create table bench_commune_pick (slot int primary key, idx int)`);
  await db.execute(sql.raw(`insert into bench_commune_pick values ${pickSlots(o.communes.map((_, i) => 1 + ((i * 37) % 13) / 4))}`));
  await db.execute(sql.raw(`alter table bench_commune_pick add column code text, add column agency text, add column villages text[]`));
  await db.execute(sql.raw(`update bench_commune_pick p set code = u.code, agency = m.agency_code,
      villages = array(select v.id from villages v where v.commune_code = u.code order by v.id)
    from unnest(array[${codes}]) with ordinality as u(code, ord) join communes m on m.code = u.code where p.idx = u.ord - 1`));
  const procs = await queryRows<{ code: string }>(db, sql`select code from procedures order by code`);
  await db.execute(sql`create table bench_proc_pick (slot int primary key, idx int)`);
  await db.execute(sql.raw(`insert into bench_proc_pick values ${pickSlots(procs.map((p) => PROCEDURE_WEIGHTS[p.code] ?? 1))}`));
  await db.execute(sql`alter table bench_proc_pick add column code text, add column days int, add column fee int`);
  await db.execute(sql`update bench_proc_pick p set code = x.code, days = x.processing_days, fee = x.fee_vnd
    from (select row_number() over (order by code) - 1 as idx, code, processing_days, fee_vnd from procedures) x where x.idx = p.idx`);
  // The national working-day calendar (materialised by the indicators module): by day number, and by ordinal.
  // The team's campaign runs 8 August – 10 October every year (the demo year's campaign).
  await db.execute(sql`create table bench_days as
    select (day - date '1970-01-01') as dn, ord, working, to_char(day, 'MMDD') between '0808' and '1010' as campaign
    from indicator_workdays where scope = 'national'`);
  await db.execute(sql`alter table bench_days add primary key (dn)`);
  await db.execute(sql`create table bench_wd as select ord, dn from bench_days where working`);
  await db.execute(sql`alter table bench_wd add primary key (ord)`);
  const today = localDay(o.now);
  const [r] = await queryRows<{ lo: number; hi: number }>(db, sql`
    select min(ord)::int as lo, max(ord)::int as hi from bench_wd where dn between ${today - 729} and ${today}`);
  return { now: Math.floor(o.now.getTime() / 1000), today, ordLo: r!.lo, ordHi: r!.hi };
}

async function dropGenerator(db: Db): Promise<void> {
  for (const t of ['bench_commune_pick', 'bench_proc_pick', 'bench_days', 'bench_wd']) {
    await db.execute(sql.raw(`drop table if exists ${t}`));
  }
  await db.execute(sql`drop function if exists bench_u(bigint, int)`);
}

/** Generates the province: see the file comment. Returns nothing; the caller counts rows. */
export async function generateProvince(db: Db, o: GenerateOptions): Promise<void> {
  const k = await prepareGenerator(db, o);
  await db.transaction(async (tx) => {
    // The plan is one long expression per row: compiling it (JIT) costs more than it saves, and caching
    // lateral rows that never repeat (memoize) only adds work.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local enable_memoize = off`);
    await tx.execute(sql`set local temp_buffers = '512MB'`);
    await tx.execute(sql`truncate dossiers, dossier_actions cascade`);
    for (let lo = 1; lo <= o.dossiers; lo += o.chunk) {
      const hi = Math.min(o.dossiers, lo + o.chunk - 1);
      await tx.execute(sql.raw(createPlanSql(lo, hi, k)));
      await tx.execute(sql.raw(insertDossiersSql()));
      for (const step of insertActionsSql()) await tx.execute(sql.raw(step));
      await tx.execute(sql`drop table bench_plan`);
      o.onProgress?.(hi);
    }
  });
  // The action ids were given explicitly: later inserts continue after them.
  await db.execute(sql`select setval(pg_get_serial_sequence('dossier_actions', 'id'), (select coalesce(max(id), 1) from dossier_actions))`);
  await dropGenerator(db);
}
