import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', {
      enum: ['officer', 'specialist', 'leader', 'commune_admin', 'volunteer', 'province_viewer'],
    }).notNull(),
    /** null: a province-level account that sees every commune of `province_code`. */
    communeCode: text('commune_code'),
    provinceCode: text('province_code').notNull(),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('staff_username_uq').on(t.username), index('staff_commune_idx').on(t.communeCode)],
);

export const citizens = pgTable(
  'citizens',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    fullName: text('full_name'),
    email: text('email'),
    preferredChannel: text('preferred_channel').notNull().default('sms'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('citizens_phone_uq').on(t.phone)],
);

/** One-time sign-in codes: only a hash is stored; single use; expire; attempts counted. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
  },
  (t) => [index('otp_phone_created_idx').on(t.phone, t.createdAt)],
);
