import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Incrementally maintained indicator aggregates (docs/decisions: indicators). The SQL
 * triggers of db/migrations/*_indicator_triggers.sql keep them equal to a GROUP BY over
 * `dossiers` + `dossier_actions`, in the same transaction as every dossier change.
 */

/** Counters shared by both aggregate grains. Each counter belongs to one kind of month (see below). */
const measures = {
  /** Submission month: dossiers submitted; of them, of a fee-bearing procedure. */
  submitted: integer('submitted').notNull().default(0),
  feeBearing: integer('fee_bearing').notNull().default(0),
  /** Reception month: dossiers received for processing (ND 61/2018 Art. 16–17). */
  received: integer('received').notNull().default(0),
  /** End-of-processing month (766 §2.1): received dossiers whose processing ended, by timeliness. */
  resolved: integer('resolved').notNull().default(0),
  early: integer('early').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  late: integer('late').notNull().default(0),
  /** Of the resolved: those that ended with a result (approved); their processing time in working days. */
  withResult: integer('with_result').notNull().default(0),
  processingWdSum: bigint('processing_wd_sum', { mode: 'number' }).notNull().default(0),
  /** Month of the apology letter (reappointment, ND 61/2018 Art. 19.9). */
  apologies: integer('apologies').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

/** Fine grain: commune × village × procedure × month × channel × assisted × procedure level. */
export const indicatorCube = pgTable(
  'indicator_cube',
  {
    communeCode: text('commune_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    /** '' when the dossier names no village. */
    villageKey: text('village_key').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    assisted: boolean('assisted').notNull(),
    level: text('level').notNull(),
    ...measures,
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.month, t.villageKey, t.procedureCode, t.channel, t.assisted, t.level] })],
);

/** Coarse grain for province views: commune × month × channel × assisted × level. */
export const indicatorCommuneMonth = pgTable(
  'indicator_commune_month',
  {
    communeCode: text('commune_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    assisted: boolean('assisted').notNull(),
    level: text('level').notNull(),
    ...measures,
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.month, t.channel, t.assisted, t.level] })],
);

/**
 * What each dossier currently contributes to the aggregates, so a change subtracts
 * exactly what was added. The procedure level is frozen when the dossier is first seen.
 */
export const indicatorDossierFacts = pgTable(
  'indicator_dossier_facts',
  {
    dossierId: text('dossier_id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageKey: text('village_key').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    assisted: boolean('assisted').notNull(),
    level: text('level').notNull(),
    submitMonth: date('submit_month', { mode: 'string' }).notNull(),
    feeBearing: boolean('fee_bearing').notNull(),
    receivedMonth: date('received_month', { mode: 'string' }),
    finishMonth: date('finish_month', { mode: 'string' }),
    /** 'early' | 'on_time' | 'late' (766 §2.1), set with finishMonth. */
    outcome: text('outcome'),
    withResult: boolean('with_result').notNull(),
    processingWd: integer('processing_wd'),
    apologyMonth: date('apology_month', { mode: 'string' }),
  },
  (t) => [index('indicator_dossier_facts_commune_idx').on(t.communeCode)],
);

/**
 * Working days as ordinals, materialised from the TypeScript calendar (lunar holidays
 * cannot be computed in SQL): ord = working days from the start of the range up to and
 * including `day`. scope = 'national' or a commune with its own corrected schedule.
 */
export const indicatorWorkdays = pgTable(
  'indicator_workdays',
  {
    scope: text('scope').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ord: integer('ord').notNull(),
    working: boolean('working').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);

/** When each scope of indicator_workdays was last rebuilt from calendar_schedules. */
export const indicatorCalendarSync = pgTable('indicator_calendar_sync', {
  scope: text('scope').primaryKey(),
  scheduleStamp: text('schedule_stamp').notNull(),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull(),
});
