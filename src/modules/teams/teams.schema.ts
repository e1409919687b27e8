import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const memberBackgrounds = ['youth_union', 'official', 'student', 'other'] as const;
export type MemberBackground = (typeof memberBackgrounds)[number];

/** Tổ công nghệ số cộng đồng, set up by the commune People's Committee (ND 224/2026 Art. 79). */
export const teams = pgTable(
  'teams',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('teams_commune_idx').on(t.communeCode)],
);

/** A member signs in with a staff account of role `volunteer`; one membership per account. */
export const teamMembers = pgTable(
  'team_members',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id').notNull(),
    communeCode: text('commune_code').notNull(),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    background: text('background', { enum: memberBackgrounds }).notNull(),
    staffAccountId: text('staff_account_id'),
    isLeader: boolean('is_leader').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('team_members_account_uq').on(t.staffAccountId), index('team_members_team_idx').on(t.teamId)],
);

/** The villages (thôn / tổ dân phố) a member covers: what their field app holds. */
export const teamMemberVillages = pgTable(
  'team_member_villages',
  {
    memberId: text('member_id').notNull(),
    villageId: text('village_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.villageId] }), index('team_member_villages_village_idx').on(t.villageId)],
);

/** "2 trong 1": two members who go to one area together. */
export const teamPairs = pgTable(
  'team_pairs',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id').notNull(),
    villageId: text('village_id').notNull(),
    memberAId: text('member_a_id').notNull(),
    memberBId: text('member_b_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('team_pairs_team_idx').on(t.teamId)],
);

/** An IT help point (điểm hỗ trợ), e.g. the village cultural house (ND 224/2026 Art. 78). */
export const itPoints = pgTable(
  'it_points',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    /** null: a commune-level point such as the one-stop office. */
    villageId: text('village_id'),
    name: text('name').notNull(),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('it_points_commune_idx').on(t.communeCode)],
);

/** A weekly duty: e.g. every Thursday 07:30–11:00 (ISO weekday 4), two members on duty. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: text('id').primaryKey(),
    itPointId: text('it_point_id').notNull(),
    communeCode: text('commune_code').notNull(),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('duty_shifts_point_idx').on(t.itPointId)],
);

export const dutyShiftMembers = pgTable(
  'duty_shift_members',
  {
    shiftId: text('shift_id').notNull(),
    memberId: text('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shiftId, t.memberId] })],
);

/** The number the team agreed to publish for a village on the public page. */
export const villageContacts = pgTable('village_contacts', {
  villageId: text('village_id').primaryKey(),
  communeCode: text('commune_code').notNull(),
  phone: text('phone').notNull(),
  label: text('label'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type TeamRow = typeof teams.$inferSelect;
export type TeamMemberRow = typeof teamMembers.$inferSelect;
export type ItPointRow = typeof itPoints.$inferSelect;
export type DutyShiftRow = typeof dutyShifts.$inferSelect;
