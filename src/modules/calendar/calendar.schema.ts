import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { YearSchedule } from '../../shared/calendar';

/**
 * The government's yearly schedule of days off and make-up working days
 * (BLLĐ 2019 Điều 112.3). scope = 'national' for the shipped schedules, or a
 * commune code for a commune admin's correction, which wins for that commune.
 */
export const calendarSchedules = pgTable(
  'calendar_schedules',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    schedule: jsonb('schedule').$type<YearSchedule>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);
