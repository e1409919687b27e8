import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { supportOutcomes, supportPlaces } from '../../shared/field/support-kinds';

/**
 * One act of support, logged in under 30 seconds. Ids come from the device (logged
 * offline). Acts are facts: never edited or deleted, so campaign figures cannot drift.
 */
export const supportActs = pgTable(
  'support_acts',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id').notNull(),
    householdId: text('household_id'),
    /** null: an anonymous walk-in. */
    personId: text('person_id'),
    place: text('place', { enum: supportPlaces }).notNull(),
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    outcome: text('outcome', { enum: supportOutcomes }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    note: text('note'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull(),
    /** The dossier this act submitted (assisted submission). */
    dossierCode: text('dossier_code'),
    memberId: text('member_id'),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    commandId: text('command_id'),
  },
  (t) => [
    index('support_acts_commune_at_idx').on(t.communeCode, t.occurredAt),
    index('support_acts_village_at_idx').on(t.villageId, t.occurredAt),
    index('support_acts_person_idx').on(t.personId),
  ],
);

export interface ConsentPurpose {
  code: string;
  accepted: boolean;
}

/**
 * A citizen's consent before a member acts for them (Decree 13/2023 Art. 11): explicit,
 * per purpose, with the notice they were shown kept verbatim and hashed, and the proof
 * (a one-time code read back from their phone, or their drawn signature). Keyed to the
 * dossier it allowed, so it is found from the dossier code.
 */
export const consents = pgTable(
  'consents',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id'),
    personId: text('person_id'),
    subjectName: text('subject_name').notNull(),
    subjectPhone: text('subject_phone').notNull(),
    procedureCode: text('procedure_code'),
    purposes: jsonb('purposes').$type<ConsentPurpose[]>().notNull(),
    noticeVi: text('notice_vi').notNull(),
    noticeEn: text('notice_en').notNull(),
    noticeHash: text('notice_hash').notNull(),
    method: text('method', { enum: ['otp', 'signature'] }).notNull(),
    status: text('status', { enum: ['awaiting_code', 'awaiting_signature', 'given', 'expired'] }).notNull(),
    otpHash: text('otp_hash'),
    otpExpiresAt: timestamp('otp_expires_at', { withTimezone: true }),
    otpAttempts: integer('otp_attempts').notNull().default(0),
    signatureAttachmentId: text('signature_attachment_id'),
    signatureSha256: text('signature_sha256'),
    givenAt: timestamp('given_at', { withTimezone: true }),
    evidenceHash: text('evidence_hash'),
    capturedBy: text('captured_by').notNull(),
    capturedByName: text('captured_by_name').notNull(),
    dossierCode: text('dossier_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consents_dossier_uq').on(t.dossierCode),
    index('consents_phone_created_idx').on(t.subjectPhone, t.createdAt),
    index('consents_signature_idx').on(t.signatureAttachmentId),
  ],
);

/** A named period with targets per village (e.g. the 8 Aug – 10 Oct peak). Dates are local (Asia/Ho_Chi_Minh). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('campaigns_commune_idx').on(t.communeCode, t.startsOn)],
);

export const campaignTargets = pgTable(
  'campaign_targets',
  {
    campaignId: text('campaign_id').notNull(),
    villageId: text('village_id').notNull(),
    metric: text('metric').notNull(),
    target: integer('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.villageId, t.metric] })],
);

/** Composed once, published to the bulletin board, the message channels, a leaflet and the loudspeaker. */
export const announcements = pgTable(
  'announcements',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    kind: text('kind', { enum: ['general', 'scam_warning', 'campaign'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Empty: the whole commune. */
    villageIds: jsonb('village_ids').$type<string[]>().notNull(),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    notifiedCount: integer('notified_count'),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('announcements_commune_idx').on(t.communeCode, t.status, t.publishedAt)],
);

export type SupportActRow = typeof supportActs.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type AnnouncementRow = typeof announcements.$inferSelect;
