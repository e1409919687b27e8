import { sql, type SQL } from 'drizzle-orm';

/**
 * The per-dossier facts of indicator_facts_v, written set-based: a few passes with window functions
 * and hash joins instead of one lateral subquery per dossier. It is the naive recomputation (GROUP BY
 * over the raw tables) and the bulk rebuild. The triggers use the view; the property test checks
 * that the two formulations always agree.
 * Only three kinds of action change a dossier's facts besides its own columns: supplement requests,
 * supplements (their order relative to reception, and the waiting time until the next action), and
 * reappointments. So one pass picks those actions, and only the dossiers that have supplement actions
 * (about one in ten) have their whole log ordered with window functions.
 * `where` filters dossiers (alias d); it is applied to their actions too. Without it, every dossier.
 */
export function bulkFactsSql(where?: SQL): SQL {
  const dossiersOf = where ? sql`and a.dossier_id in (select d.id from dossiers d where ${where})` : sql``;
  return sql`
    with k as (
      select a.dossier_id, a.type, a.at from dossier_actions a
      where a.type in ('request_supplement', 'supplement', 'reappoint') ${dossiersOf}
    ), x as (
      select a.dossier_id, a.type, a.seq, a.at,
        lead(a.at) over (partition by a.dossier_id order by a.seq) as next_at,
        min(a.seq) filter (where a.type = 'receive') over (partition by a.dossier_id) as receive_seq
      from dossier_actions a
      where a.dossier_id in (select k.dossier_id from k where k.type <> 'reappoint')
    ), s as (
      select x.dossier_id,
        count(*) filter (where x.type = 'request_supplement')::int as supplement_requests,
        max(x.at) filter (where x.type = 'supplement' and (x.receive_seq is null or x.seq < x.receive_seq)) as complete_at
      from x group by x.dossier_id
    ), r as (
      select k.dossier_id, min(k.at) as reappointed_at from k where k.type = 'reappoint' group by k.dossier_id
    ), pauses as (
      select x.dossier_id,
        sum(greatest(0, wt.ord - wf.ord - case when wf.working and ((x.at at time zone 'UTC') + interval '7 hours')::time <= time '15:00' then 0 else 1 end))::int as pause_wd
      from x
      join dossiers d on d.id = x.dossier_id
      left join indicator_calendar_sync cs on cs.scope = d.commune_code
      join indicator_workdays wf on wf.scope = coalesce(cs.scope, 'national') and wf.day = indicator_local_day(x.at)
      join indicator_workdays wt on wt.scope = coalesce(cs.scope, 'national') and wt.day = indicator_local_day(x.next_at)
      where x.type = 'request_supplement' and x.seq > x.receive_seq and x.next_at is not null
      group by x.dossier_id
    ), base as (
      select d.*, coalesce(pr.level, 'unknown') as proc_level, s.supplement_requests, r.reappointed_at,
        (d.received_at is not null and d.finished_at is not null) as resolved,
        case when d.received_at is not null and d.finished_at is not null then greatest(0,
          greatest(0, wt.ord - wf.ord - case when wf.working and ((greatest(d.submitted_at, s.complete_at) at time zone 'UTC') + interval '7 hours')::time <= time '15:00' then 0 else 1 end)
          - coalesce(pauses.pause_wd, 0)) end as processing_wd
      from dossiers d
      left join procedures pr on pr.code = d.procedure_code
      left join indicator_calendar_sync cs on cs.scope = d.commune_code
      left join s on s.dossier_id = d.id
      left join r on r.dossier_id = d.id
      left join pauses on pauses.dossier_id = d.id
      left join indicator_workdays wf on wf.scope = coalesce(cs.scope, 'national') and wf.day = indicator_local_day(greatest(d.submitted_at, s.complete_at))
      left join indicator_workdays wt on wt.scope = coalesce(cs.scope, 'national') and wt.day = indicator_local_day(d.finished_at)
      where ${where ?? sql`true`}
    )
    select b.id as dossier_id, b.commune_code, coalesce(b.village_id, '') as village_key, b.procedure_code, b.channel,
      coalesce(b.on_behalf = 'volunteer', false) as assisted, b.proc_level as level,
      indicator_local_month(b.submitted_at) as submit_month, b.fee_vnd > 0 as fee_bearing,
      indicator_local_month(b.received_at) as received_month,
      case when b.resolved then indicator_local_month(b.finished_at) end as finish_month,
      case
        when not b.resolved then null
        when coalesce(b.supplement_requests, 0) > 1 then 'late'
        when b.due_at is not null then case
          when b.finished_at > b.due_at then 'late'
          when indicator_local_day(b.finished_at) < indicator_local_day(b.due_at) then 'early'
          else 'on_time' end
        when b.processing_wd is null then 'on_time'
        when b.processing_wd < b.processing_days then 'early'
        when b.processing_wd = b.processing_days then 'on_time'
        else 'late'
      end as outcome,
      (b.resolved and b.status in ('result_ready', 'returned') and b.processing_wd is not null) as with_result,
      b.processing_wd,
      indicator_local_month(b.reappointed_at) as apology_month,
      b.updated_at
    from base b`;
}
