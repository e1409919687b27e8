import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Bearer sessions. Only a SHA-256 of the token is stored, so a DB leak gives no live tokens. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountKind: text('account_kind', { enum: ['staff', 'citizen'] }).notNull(),
    accountId: text('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountKind, t.accountId)],
);
