-- Indicators (issue 6): incrementally maintained aggregates, kept equal to a GROUP BY over the raw
-- dossier tables by triggers that run in the same transaction as every dossier change.
-- Decision: docs/decisions/0010-indicator-aggregates.md. Plain PL/pgSQL, PostgreSQL 15 and PGlite.
-- Formulas: Decision 766/QĐ-TTg indicator 2.1 (timeliness) and 2.2 (processing time), domain notes §3.

-- Local calendar day / month of an instant in Asia/Ho_Chi_Minh (UTC+7 all year, no DST), independent
-- of the session time zone and of the engine's time-zone database.
CREATE OR REPLACE FUNCTION indicator_local_day(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_local_month(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('month', (ts AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
-- Which working-day calendar a commune uses: its own corrected one when it has one, else the national.
CREATE OR REPLACE FUNCTION indicator_calendar_scope(p_commune text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT scope FROM indicator_calendar_sync WHERE scope = p_commune), 'national')
$$;
--> statement-breakpoint
-- Working days elapsed between two instants, exactly as countWorkingDaysBetween in
-- src/shared/calendar/due-date.ts: the working days after the effective start day (a start after
-- 15:00 or on a day off counts from the next working day, ND 61/2018 Art. 18) up to and including
-- the local day of p_to; never negative. NULL when a day is outside the materialised calendar.
CREATE OR REPLACE FUNCTION indicator_workdays_between(p_scope text, p_from timestamptz, p_to timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT greatest(0, t.ord - f.ord - CASE
           WHEN f.working AND ((p_from AT TIME ZONE 'UTC') + interval '7 hours')::time <= time '15:00' THEN 0 ELSE 1 END)
  FROM indicator_workdays f, indicator_workdays t
  WHERE f.scope = p_scope AND f.day = indicator_local_day(p_from)
    AND t.scope = p_scope AND t.day = indicator_local_day(p_to)
$$;
--> statement-breakpoint
-- The one definition of what a dossier contributes, computed from the raw tables. The triggers read
-- it for one dossier; the naive recomputation (indicators/naive.repo.ts) groups over all of it.
CREATE OR REPLACE VIEW indicator_facts_v AS
SELECT
  d.id AS dossier_id,
  d.commune_code,
  coalesce(d.village_id, '') AS village_key,
  d.procedure_code,
  d.channel,
  coalesce(d.on_behalf = 'volunteer', false) AS assisted,
  coalesce(p.level, 'unknown') AS level,
  indicator_local_month(d.submitted_at) AS submit_month,
  d.fee_vnd > 0 AS fee_bearing,
  indicator_local_month(d.received_at) AS received_month,
  CASE WHEN t.resolved THEN indicator_local_month(d.finished_at) END AS finish_month,
  CASE
    WHEN NOT t.resolved THEN NULL
    -- 766 §2.1: more than one supplement request counts as late.
    WHEN s.supplement_requests > 1 THEN 'late'
    -- Compared with the appointment in force at the end (after a reappointment, the new one).
    WHEN d.due_at IS NOT NULL THEN CASE
      WHEN d.finished_at > d.due_at THEN 'late'
      WHEN indicator_local_day(d.finished_at) < indicator_local_day(d.due_at) THEN 'early'
      ELSE 'on_time' END
    -- No running appointment (ended while paused for papers): elapsed working days, supplement time
    -- excluded, against the legal period (766 §2.1, "no appointment date").
    WHEN w.processing_wd IS NULL THEN 'on_time'
    WHEN w.processing_wd < d.processing_days THEN 'early'
    WHEN w.processing_wd = d.processing_days THEN 'on_time'
    ELSE 'late'
  END AS outcome,
  (t.resolved AND d.status IN ('result_ready', 'returned') AND w.processing_wd IS NOT NULL) AS with_result,
  CASE WHEN t.resolved THEN w.processing_wd END AS processing_wd,
  indicator_local_month(s.reappointed_at) AS apology_month,
  d.updated_at
FROM dossiers d
LEFT JOIN procedures p ON p.code = d.procedure_code
CROSS JOIN LATERAL (SELECT indicator_calendar_scope(d.commune_code) AS scope,
                           (d.received_at IS NOT NULL AND d.finished_at IS NOT NULL) AS resolved) t
CROSS JOIN LATERAL (
  SELECT
    count(*) FILTER (WHERE x.type = 'request_supplement')::int AS supplement_requests,
    min(x.at) FILTER (WHERE x.type = 'reappoint') AS reappointed_at,
    max(x.at) FILTER (WHERE x.type = 'supplement' AND (x.receive_seq IS NULL OR x.seq < x.receive_seq)) AS complete_at,
    -- Supplement time after reception: from the request to the next action (the supplement, or the end).
    coalesce(sum(indicator_workdays_between(t.scope, x.at, x.next_at))
      FILTER (WHERE x.type = 'request_supplement' AND x.seq > x.receive_seq AND x.next_at IS NOT NULL), 0)::int AS pause_wd
  FROM (
    SELECT a.type, a.seq, a.at,
           lead(a.at) OVER (ORDER BY a.seq) AS next_at,
           min(a.seq) FILTER (WHERE a.type = 'receive') OVER () AS receive_seq
    FROM dossier_actions a WHERE a.dossier_id = d.id
  ) x
) s
-- 766 §2.2: processing time from the complete dossier to the end, supplement time excluded.
CROSS JOIN LATERAL (
  SELECT CASE WHEN t.resolved THEN greatest(0,
    indicator_workdays_between(t.scope, greatest(d.submitted_at, s.complete_at), d.finished_at) - s.pause_wd) END AS processing_wd
) w;
--> statement-breakpoint
-- Adds one signed contribution to both aggregate grains.
CREATE OR REPLACE FUNCTION indicator_bump(f indicator_dossier_facts, p_month date, p_at timestamptz,
  d_submitted int, d_fee int, d_received int, d_resolved int, d_early int, d_on_time int, d_late int,
  d_with_result int, d_wd bigint, d_apologies int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_cube AS c (commune_code, month, village_key, procedure_code, channel, assisted, level,
    submitted, fee_bearing, received, resolved, early, on_time, late, with_result, processing_wd_sum, apologies, updated_at)
  VALUES (f.commune_code, p_month, f.village_key, f.procedure_code, f.channel, f.assisted, f.level,
    d_submitted, d_fee, d_received, d_resolved, d_early, d_on_time, d_late, d_with_result, d_wd, d_apologies, p_at)
  ON CONFLICT (commune_code, month, village_key, procedure_code, channel, assisted, level) DO UPDATE SET
    submitted = c.submitted + excluded.submitted, fee_bearing = c.fee_bearing + excluded.fee_bearing,
    received = c.received + excluded.received, resolved = c.resolved + excluded.resolved,
    early = c.early + excluded.early, on_time = c.on_time + excluded.on_time, late = c.late + excluded.late,
    with_result = c.with_result + excluded.with_result, processing_wd_sum = c.processing_wd_sum + excluded.processing_wd_sum,
    apologies = c.apologies + excluded.apologies, updated_at = greatest(c.updated_at, excluded.updated_at);
  INSERT INTO indicator_commune_month AS c (commune_code, month, channel, assisted, level,
    submitted, fee_bearing, received, resolved, early, on_time, late, with_result, processing_wd_sum, apologies, updated_at)
  VALUES (f.commune_code, p_month, f.channel, f.assisted, f.level,
    d_submitted, d_fee, d_received, d_resolved, d_early, d_on_time, d_late, d_with_result, d_wd, d_apologies, p_at)
  ON CONFLICT (commune_code, month, channel, assisted, level) DO UPDATE SET
    submitted = c.submitted + excluded.submitted, fee_bearing = c.fee_bearing + excluded.fee_bearing,
    received = c.received + excluded.received, resolved = c.resolved + excluded.resolved,
    early = c.early + excluded.early, on_time = c.on_time + excluded.on_time, late = c.late + excluded.late,
    with_result = c.with_result + excluded.with_result, processing_wd_sum = c.processing_wd_sum + excluded.processing_wd_sum,
    apologies = c.apologies + excluded.apologies, updated_at = greatest(c.updated_at, excluded.updated_at);
END $$;
--> statement-breakpoint
-- One part of a dossier's contribution (each part has its own month), with a sign.
CREATE OR REPLACE FUNCTION indicator_apply_part(f indicator_dossier_facts, part text, sign int, p_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF f.dossier_id IS NULL THEN RETURN; END IF;
  IF part = 'intake' THEN
    PERFORM indicator_bump(f, f.submit_month, p_at, sign, sign * f.fee_bearing::int, 0, 0, 0, 0, 0, 0, 0, 0);
  ELSIF part = 'received' AND f.received_month IS NOT NULL THEN
    PERFORM indicator_bump(f, f.received_month, p_at, 0, 0, sign, 0, 0, 0, 0, 0, 0, 0);
  ELSIF part = 'outcome' AND f.finish_month IS NOT NULL THEN
    PERFORM indicator_bump(f, f.finish_month, p_at, 0, 0, 0, sign,
      sign * (f.outcome = 'early')::int, sign * (f.outcome = 'on_time')::int, sign * (f.outcome = 'late')::int,
      sign * f.with_result::int, sign * CASE WHEN f.with_result THEN f.processing_wd ELSE 0 END, 0);
  ELSIF part = 'apology' AND f.apology_month IS NOT NULL THEN
    PERFORM indicator_bump(f, f.apology_month, p_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign);
  END IF;
END $$;
--> statement-breakpoint
-- Brings one dossier's contribution up to date: recompute from the raw tables, and move only the
-- parts that changed (most actions change one part). Serialised per commune by an advisory lock so
-- that concurrent changes never take the aggregate rows in opposite orders (no deadlocks).
CREATE OR REPLACE FUNCTION indicator_refresh_dossier(p_id text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  o indicator_dossier_facts;
  n indicator_dossier_facts;
  at_ts timestamptz;
  same_dims boolean;
BEGIN
  SELECT * INTO o FROM indicator_dossier_facts WHERE dossier_id = p_id;
  SELECT v.dossier_id, v.commune_code, v.village_key, v.procedure_code, v.channel, v.assisted, v.level, v.submit_month,
         v.fee_bearing, v.received_month, v.finish_month, v.outcome, v.with_result, v.processing_wd, v.apology_month
    INTO n FROM indicator_facts_v v WHERE v.dossier_id = p_id;
  IF o.dossier_id IS NULL AND n.dossier_id IS NULL THEN RETURN; END IF;
  -- A dossier keeps the procedure level it had when it was first counted.
  IF o.dossier_id IS NOT NULL AND n.dossier_id IS NOT NULL THEN n.level := o.level; END IF;
  IF o IS NOT DISTINCT FROM n THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('xaso.indicators:' || coalesce(n.commune_code, o.commune_code)));
  SELECT coalesce((SELECT updated_at FROM dossiers WHERE id = p_id), now()) INTO at_ts;
  same_dims := o.dossier_id IS NOT NULL AND n.dossier_id IS NOT NULL
    AND (o.commune_code, o.village_key, o.procedure_code, o.channel, o.assisted, o.level)
      = (n.commune_code, n.village_key, n.procedure_code, n.channel, n.assisted, n.level);
  IF NOT same_dims OR (o.submit_month, o.fee_bearing) IS DISTINCT FROM (n.submit_month, n.fee_bearing) THEN
    PERFORM indicator_apply_part(o, 'intake', -1, at_ts);
    PERFORM indicator_apply_part(n, 'intake', 1, at_ts);
  END IF;
  IF NOT same_dims OR o.received_month IS DISTINCT FROM n.received_month THEN
    PERFORM indicator_apply_part(o, 'received', -1, at_ts);
    PERFORM indicator_apply_part(n, 'received', 1, at_ts);
  END IF;
  IF NOT same_dims OR (o.finish_month, o.outcome, o.with_result, o.processing_wd)
      IS DISTINCT FROM (n.finish_month, n.outcome, n.with_result, n.processing_wd) THEN
    PERFORM indicator_apply_part(o, 'outcome', -1, at_ts);
    PERFORM indicator_apply_part(n, 'outcome', 1, at_ts);
  END IF;
  IF NOT same_dims OR o.apology_month IS DISTINCT FROM n.apology_month THEN
    PERFORM indicator_apply_part(o, 'apology', -1, at_ts);
    PERFORM indicator_apply_part(n, 'apology', 1, at_ts);
  END IF;
  IF n.dossier_id IS NULL THEN
    DELETE FROM indicator_dossier_facts WHERE dossier_id = p_id;
  ELSIF o.dossier_id IS NULL THEN
    INSERT INTO indicator_dossier_facts VALUES (n.*);
  ELSE
    UPDATE indicator_dossier_facts SET village_key = n.village_key, procedure_code = n.procedure_code,
      channel = n.channel, assisted = n.assisted, commune_code = n.commune_code, submit_month = n.submit_month,
      fee_bearing = n.fee_bearing, received_month = n.received_month, finish_month = n.finish_month,
      outcome = n.outcome, with_result = n.with_result, processing_wd = n.processing_wd, apology_month = n.apology_month
    WHERE dossier_id = p_id;
  END IF;
END $$;
--> statement-breakpoint
-- Statement-level triggers with transition tables: a bulk insert (the demo seeder, imports)
-- refreshes each dossier once per statement, not once per row. Ordered by commune, then id, so that
-- the per-commune advisory locks are always taken in the same order.
CREATE OR REPLACE FUNCTION indicator_on_dossiers_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_refresh_dossier(x.id) FROM (SELECT DISTINCT commune_code, id FROM changed_rows ORDER BY commune_code, id) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_on_actions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_refresh_dossier(x.dossier_id)
  FROM (SELECT DISTINCT d.commune_code, c.dossier_id FROM changed_rows c LEFT JOIN dossiers d ON d.id = c.dossier_id
        ORDER BY d.commune_code, c.dossier_id) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_dossiers_inserted AFTER INSERT ON dossiers
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_on_dossiers_changed();
--> statement-breakpoint
CREATE TRIGGER indicator_dossiers_updated AFTER UPDATE ON dossiers
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_on_dossiers_changed();
--> statement-breakpoint
CREATE TRIGGER indicator_dossiers_deleted AFTER DELETE ON dossiers
REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_on_dossiers_changed();
--> statement-breakpoint
CREATE TRIGGER indicator_dossier_actions_inserted AFTER INSERT ON dossier_actions
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_on_actions_changed();
--> statement-breakpoint
CREATE TRIGGER indicator_dossier_actions_deleted AFTER DELETE ON dossier_actions
REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_on_actions_changed();
