import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Provinces after 1 Jul 2025 (QĐ 19/2025/QĐ-TTg codes, 2 digits). Reference data. */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  type: text('type').notNull(),
});

/** Communes, wards and special zones (5-digit codes; closed codes are never reused). */
export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    type: text('type').notNull(),
    /** Receiving-agency identifier that prefixes dossier codes (TT 01/2018 Art. 19); editable by the commune admin. */
    agencyCode: text('agency_code').notNull(),
  },
  (t) => [index('communes_province_idx').on(t.provinceCode)],
);

/**
 * Thôn / tổ dân phố / bản / ấp... of a commune. Synced to field devices, so rows are
 * never hard-deleted: `deleted_at` is a tombstone the pull can carry.
 */
export const villages = pgTable(
  'villages',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    contactPhone: text('contact_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('villages_commune_updated_idx').on(t.communeCode, t.updatedAt)],
);

export type CommuneRow = typeof communes.$inferSelect;
export type VillageRow = typeof villages.$inferSelect;
