/**
 * The life of each generated dossier, as one SQL SELECT over generate_series (no per-row round trip),
 * modelled on the demo year (src/modules/dossiers/demo/lifecycle.ts) and the one-stop rules
 * (src/shared/dossier/rules.ts: every log below is a sequence the API accepts):
 *
 *   submit → [request_supplement → supplement] (online, at reception) → receive | reject at reception
 *   → [request_supplement → supplement] (after appraisal; the period restarts, ND 61/2018 Art. 19.4)
 *   → start_processing → [reappoint] (Art. 19.9) → approve | reject | withdraw → [return_result]
 *
 * Deterministic: every choice is bench_u(i, k), a hash of the dossier number i and the draw k,
 * so a run is reproducible and both engines get the same province. Times are epoch seconds (float8)
 * until the output; local time is UTC+7 (Asia/Ho_Chi_Minh, no DST). Due dates are computed like
 * computeDueAt (src/shared/calendar/due-date.ts: 15:00 cut-off, N working days after the effective
 * day, 17:00) from the national working-day table the indicators module materialises.
 * The log of a dossier is cut at `now`: events after it have not happened yet.
 */
export interface PlanConstants {
  /** now, epoch seconds */
  now: number;
  /** local day number (days since 1970-01-01) of now */
  today: number;
  /** working-day ordinals of the first and last working day of the two years */
  ordLo: number;
  ordHi: number;
}

const DAY = 86400;
const TZ = 25200; // +7 h
/** Instant (epoch s) of local day number `dn` at `min` minutes. */
const at = (dn: string, min: string) => `((${dn})::float8 * ${DAY} - ${TZ} + 60 * (${min}))`;
/** Local day number and minute of the day of an instant. */
const dayOf = (e: string) => `floor(((${e}) + ${TZ}) / ${DAY})::int`;
const minOf = (e: string) => `((((${e}) + ${TZ}) - floor(((${e}) + ${TZ}) / ${DAY}) * ${DAY}) / 60)`;
const hours = (h: string) => `(3600 * floor(${h}))`;

// Made-up names, ID numbers (province of birth 066) and phones: no real person.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thị Thu', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy'];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

/** One row per dossier of [lo, hi]: every instant of its life (null = does not happen). */
export function planSql(lo: number, hi: number, k: PlanConstants): string {
  const nwd = k.ordHi - k.ordLo + 1;
  // The online share climbs from ~15% to ~60% over the two years, +12 points in the team's 8/8–10/10 campaign.
  const online = `(r.u_channel < least(0.8, 0.15 + 0.45 * r.u_day + 0.12 * cd.campaign::int))`;
  return `
  select i, cp.code as commune, cp.agency, pp.code as proc, pp.days, pp.fee, o.online, o.channel, o.on_behalf, o.s,
    case when r.u_village < 0.05 then null else cp.villages[1 + floor((r.u_village - 0.05) / 0.95 * array_length(cp.villages, 1))::int] end as village_id,
    (${arr(FAMILY)})[1 + floor(r.u_name * ${FAMILY.length})::int] || ' ' || (${arr(MIDDLE)})[1 + floor(r.u_id * ${MIDDLE.length})::int]
      || ' ' || (${arr(GIVEN)})[1 + floor(bench_u(i, 17) * ${GIVEN.length})::int] as applicant_name,
    '066' || floor(r.u_id * 4)::int || lpad(floor(bench_u(i, 18) * 100000000)::int::text, 8, '0') as applicant_id_number,
    '09' || lpad(floor(bench_u(i, 19) * 100000000)::int::text, 8, '0') as applicant_phone,
    a.rs1, a.sp1, b.rej0_at, b.rcv, b.due0_dn, b.rq2, b.sp2, e.due2_dn, e.start, e.kind, g.reap, d3.dn as newdue_dn, g.fin,
    case when e.kind in ('late', 'normal') and r.u_ret < 0.97 then g.fin + ${hours('2 + 38 * r.u_wait2')} end as ret
  from generate_series(${lo}::bigint, ${hi}::bigint) i
  cross join lateral (select bench_u(i, 1) u_commune, bench_u(i, 2) u_proc, bench_u(i, 3) u_day, bench_u(i, 4) u_time,
    bench_u(i, 5) u_channel, bench_u(i, 6) u_help, bench_u(i, 7) u_supp, bench_u(i, 8) u_wait, bench_u(i, 9) u_wait2,
    bench_u(i, 10) u_fate, bench_u(i, 11) u_speed, bench_u(i, 12) u_speed2, bench_u(i, 13) u_ret, bench_u(i, 14) u_village,
    bench_u(i, 15) u_name, bench_u(i, 16) u_id offset 0) r
  join bench_commune_pick cp on cp.slot = floor(r.u_commune * 1000)::int
  join bench_proc_pick pp on pp.slot = floor(r.u_proc * 1000)::int
  -- Position in the two years (0 = two years ago, 1 = today): online any day and hour, counters on working days.
  join bench_wd pw on pw.ord = least(${k.ordHi}, ${k.ordLo} + floor(r.u_day * ${nwd})::int)
  join bench_days cd on cd.dn = ${k.today} - floor((1 - r.u_day) * 730)::int
  -- A community-team volunteer files 30% of online dossiers (50% in the campaign); 3% of the others come by post.
  cross join lateral (select ${online} as online,
      case when ${online} then 'online' when r.u_help > 0.97 then 'post' else 'in_person' end as channel,
      case when ${online} then (case when r.u_help < 0.3 + 0.2 * cd.campaign::int then 'volunteer' end) else 'officer' end as on_behalf,
      least(${k.now - 300}, case when ${online} then ${at('cd.dn', '360 + floor(r.u_time * 1020)')}
                                 else ${at('pw.dn', '450 + floor(r.u_time * 540)')} end) as s offset 0) o
  ${lifeSql(k)}`;
}

/** From the submission to the end: the instants of each step. */
function lifeSql(k: PlanConstants): string {
  const pre = '(o.online and r.u_supp < 0.04)';
  const sp1 = `o.s + 60 * floor(30 + 90 * r.u_wait) + ${hours('20 + 52 * r.u_wait2')}`;
  const comp = `case when ${pre} then ${sp1} else o.s end`;
  const r = `case when not o.online then o.s
           when w1.working and a.comp_min < 450 then ${at('w1.dn', '450')} + a.wait
           when w1.working and a.comp_min <= 990 then a.comp + a.wait
           else ${at('nx.dn', '450')} + a.wait end`;
  const sp2 = `${r} + 7200 + ${hours('20 + 52 * r.u_wait2')}`;
  const due = `${at('coalesce(d2.dn, d0.dn)', '1020')}`;
  const resume = 'coalesce(b.sp2, b.rcv)';
  // 3% refused after appraisal, 2% withdrawn, 4% late (half of them with an apology and a new date three
  // working days later), and 0.2% of those filed 14–90 days ago forgotten on a desk (overdue now);
  // the rest are decided before the due date.
  const kind = `case when b.rej0_at is not null then 'none' when r.u_fate < 0.03 then 'reject' when r.u_fate < 0.05 then 'withdraw'
    when r.u_fate < 0.09 then 'late'
    when r.u_fate < 0.092 and o.s between ${k.now - 90 * DAY} and ${k.now - 14 * DAY} then 'stuck' else 'normal' end`;
  return `
  -- Online: 4% are asked for papers at reception (the period then runs from the complete dossier), 2% refused there.
  cross join lateral (select case when ${pre} then o.s + 60 * floor(30 + 90 * r.u_wait) end as rs1, case when ${pre} then ${sp1} end as sp1,
    ${comp} as comp, ${dayOf(comp)} as comp_dn, ${minOf(comp)} as comp_min, 60 * floor(10 + 80 * r.u_wait) as wait offset 0) a
  join bench_days w1 on w1.dn = a.comp_dn
  join bench_wd nx on nx.ord = w1.ord + 1
  join bench_wd d0 on d0.ord = w1.ord + case when w1.working and a.comp_min <= 900 then 0 else 1 end + pp.days
  -- Counter and post: received on the spot. Online: picked up within office hours (7:30–16:30).
  -- 8% are asked for papers after appraisal: the period restarts from the supplement (ND 61/2018 Art. 19.4).
  cross join lateral (select
      case when o.online and r.u_supp >= 0.04 and r.u_supp < 0.06 then ${r} end as rej0_at,
      case when not (o.online and r.u_supp >= 0.04 and r.u_supp < 0.06) then ${r} end as rcv, d0.dn as due0_dn,
      case when r.u_supp >= 0.92 then ${r} + 7200 end as rq2,
      case when r.u_supp >= 0.92 then ${sp2} end as sp2,
      case when r.u_supp >= 0.92 then ${dayOf(sp2)} end as sp2_dn, case when r.u_supp >= 0.92 then ${minOf(sp2)} end as sp2_min offset 0) b
  left join bench_days w2 on w2.dn = b.sp2_dn
  left join bench_wd d2 on d2.ord = w2.ord + case when w2.working and b.sp2_min <= 900 then 0 else 1 end + pp.days
  cross join lateral (select ${kind} as kind, d2.dn as due2_dn, ${due} as due, coalesce(d2.ord, d0.ord) as due_ord,
      case when b.rcv is not null then ${resume} + floor(least(${hours('1 + 3 * r.u_speed2')}, greatest(0, ${due} - ${resume}) * 0.3)) end as start offset 0) e
  left join bench_wd d3 on d3.ord = e.due_ord + 3 and e.kind = 'late' and r.u_speed < 0.5
  cross join lateral (select case when d3.dn is not null then greatest(e.start + 600, e.due - 72000) end as reap,
      case e.kind when 'reject' then e.start + 3 * 3600 when 'withdraw' then e.start + 5 * 3600
        when 'late' then e.due + ${hours('20 + 50 * r.u_speed2')}
        when 'normal' then e.start + floor((e.due - e.start) * (0.1 + 0.85 * r.u_speed)) end as fin offset 0) g`;
}

const ts = (e: string) => `to_timestamp(${e})`;
/** 17:00 local (10:00 UTC) of a local day number, as epoch seconds and as the API's ISO text. */
const dueAt = (dn: string) => at(dn, '1020');
const dueIso = (dn: string) => `(date '1970-01-01' + ${dn})::text || 'T10:00:00.000Z'`;
const SLOTS = ['rs1', 'sp1', 'rej0_at', 'rcv', 'rq2', 'sp2', 'start', 'reap', 'fin', 'ret'] as const;

/** The plan of one chunk, in a temporary table (no WAL), with what has happened by `now` and the status it gives. */
export function createPlanSql(lo: number, hi: number, k: PlanConstants): string {
  // f_x = 1 when step x has happened by now; seq of a step = 1 + the earlier steps that happened (times only grow).
  const seq = SLOTS.map((c, n) => `${['1', ...SLOTS.slice(0, n + 1).map((x) => `f_${x}`)].join(' + ')} as n_${c}`).join(', ');
  const done = (c: string) => `f_${c} = 1`;
  return `
  create temporary table bench_plan as
  select f.*, ${seq},
    case when ${done('ret')} then 'returned'
      when ${done('fin')} then case kind when 'reject' then 'rejected' when 'withdraw' then 'withdrawn' else 'result_ready' end
      when ${done('start')} then 'in_progress' when ${done('sp2')} then 'received' when ${done('rq2')} then 'awaiting_supplement'
      when ${done('rcv')} then 'received' when ${done('rej0_at')} then 'rejected' when ${done('sp1')} then 'submitted'
      when ${done('rs1')} then 'awaiting_supplement' else 'submitted' end as st,
    greatest(s, ${SLOTS.map((c) => `case when ${done(c)} then ${c} end`).join(', ')}) as last_at
  from (select q.*, ${SLOTS.map((c) => `(${c} is not null and ${c} <= ${k.now})::int as f_${c}`).join(', ')}
        from (${planSql(lo, hi, k)}) q offset 0) f`;
}

/**
 * The dossiers of the plan, their projection columns as src/shared/dossier/derive.ts folds the log cut at
 * `now`: status, national status, reception, the running appointment, end of processing, version.
 */
export function insertDossiersSql(): string {
  const done = (c: string) => `f_${c} = 1`;
  const running = `case when st in ('awaiting_supplement', 'submitted') or not ${done('rcv')} then null
      when ${done('reap')} then ${dueAt('newdue_dn')} when ${done('sp2')} then ${dueAt('due2_dn')} else ${dueAt('due0_dn')} end`;
  return `
  insert into dossiers (id, code, commune_code, procedure_code, village_id, applicant_name, applicant_id_number, applicant_phone,
    applicant_address, citizen_id, fields, channel, on_behalf, submitted_by, submitted_by_role, processing_days, fee_vnd,
    idempotency_key, request_hash, submitted_at, status, national_status, received_at, due_at, finished_at, version, updated_at)
  select 'bd' || lpad(i::text, 9, '0'), agency || '-' || to_char(to_timestamp(s + 25200) at time zone 'UTC', 'YYMMDD') || '-' || lpad(i::text, 7, '0'),
    commune, proc, village_id, applicant_name, applicant_id_number, applicant_phone, null, null, '{}'::jsonb,
    channel, on_behalf, 'bench', coalesce(on_behalf, 'citizen'), days, fee, null, null, ${ts('s')}, st,
    case st when 'submitted' then 1 when 'received' then 2 when 'in_progress' then 4 when 'awaiting_supplement' then 5
      when 'rejected' then case when rej0_at is not null then 3 else 8 end when 'withdrawn' then 7 when 'result_ready' then 9 else 10 end,
    case when ${done('rcv')} then ${ts('rcv')} end, ${ts(running)},
    case when ${done('fin')} then ${ts('fin')} when ${done('rej0_at')} then ${ts('rej0_at')} end, n_ret, ${ts('last_at')}
  from bench_plan order by i`;
}

/**
 * The action logs, one INSERT per step (consecutive seq; explicit ids, the caller moves the id sequence
 * past them). Who acts follows the roles of src/shared/dossier/rules.ts.
 */
export function insertActionsSql(): string[] {
  const supplier = `case when on_behalf = 'volunteer' then 'volunteer' else 'citizen' end`;
  const steps: [number, string, string, string, string, string][] = [
    [0, 'submit', 's', `coalesce(on_behalf, 'citizen')`, 'null', 'null'],
    [1, 'request_supplement', 'rs1', `'officer'`, 'null', `'{"missingDocuments": ["Bản sao Giấy khai sinh"]}'`],
    [2, 'supplement', 'sp1', supplier, 'null', 'null'],
    [3, 'reject', 'rej0_at', `'officer'`, 'null', `'{"reasons": ["Hồ sơ không thuộc thẩm quyền giải quyết của xã"]}'`],
    [4, 'receive', 'rcv', `'officer'`, 'null', `'{"dueAt": "' || ${dueIso('due0_dn')} || '"}'`],
    [5, 'request_supplement', 'rq2', `'specialist'`, 'null', `'{"missingDocuments": ["Giấy tờ chứng minh nơi cư trú"]}'`],
    [6, 'supplement', 'sp2', supplier, 'null', `'{"dueAt": "' || ${dueIso('due2_dn')} || '"}'`],
    [7, 'start_processing', 'start', `'specialist'`, 'null', 'null'],
    [8, 'reappoint', 'reap', `'specialist'`, `'Cần xác minh thêm thông tin'`, `'{"newDueAt": "' || ${dueIso('newdue_dn')} || '"}'`],
    [9, `case kind when 'reject' then 'reject' when 'withdraw' then 'withdraw' else 'approve' end`, 'fin',
      `case kind when 'withdraw' then 'citizen' else 'leader' end`, `case kind when 'withdraw' then 'Công dân xin rút hồ sơ' end`,
      `case kind when 'reject' then '{"reasons": ["Không đủ điều kiện theo quy định"]}' end`],
    [10, 'return_result', 'ret', `'officer'`, 'null', 'null'],
  ];
  return steps.map(([slot, type, col, role, note, payload]) => `
  insert into dossier_actions (id, dossier_id, seq, type, at, actor_role, note, payload)
  select i * 16 + ${slot}, 'bd' || lpad(i::text, 9, '0'), ${slot === 0 ? '1' : `n_${col}`}, ${type.startsWith('case') ? type : `'${type}'`}, ${ts(col)}, ${role}, ${note}, (${payload})::jsonb
  from bench_plan where ${slot === 0 ? 'true' : `f_${col} = 1`}`);
}
