import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';
import { idNumberSchema, phoneSchema } from '../../shared/validation';
import { campaignMetrics, supportKinds, supportOutcomes, supportPlaces } from '../../shared/field/support-kinds';
import { consentPurposes } from '../../shared/field/consent-notice';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: bilingual('Ngày theo dạng YYYY-MM-DD', 'Date as YYYY-MM-DD') });
export const idParams = z.object({ id: z.string().uuid() });
export const communeParams = z.object({ communeCode: z.string().regex(/^\d{5}$/) });

export const supportActInput = z
  .object({
    id: z.string().uuid(),
    villageId: z.string().uuid().optional(),
    householdId: z.string().uuid().optional(),
    /** Omit for an anonymous walk-in. */
    personId: z.string().uuid().optional(),
    place: z.enum(supportPlaces),
    kinds: z.array(z.enum(supportKinds)).min(1).max(supportKinds.length).transform((k) => [...new Set(k)]),
    outcome: z.enum(supportOutcomes).default('done'),
    durationMinutes: z.number().int().min(1).max(600),
    note: z.string().trim().max(1000).optional(),
    attachmentIds: z.array(z.string().uuid()).max(5).default([]),
  })
  .strict();
export type SupportActInput = z.infer<typeof supportActInput>;

export const listSupportActsQuery = z.object({
  villageId: z.string().uuid().optional(),
  memberId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const supportActView = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  householdId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  place: z.enum(supportPlaces),
  kinds: z.array(z.enum(supportKinds)),
  outcome: z.enum(supportOutcomes),
  durationMinutes: z.number(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  dossierCode: z.string().nullable(),
  memberName: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
});

export const consentInput = z
  .object({
    id: z.string().uuid().optional(),
    personId: z.string().uuid().optional(),
    subject: z.object({ fullName: z.string().trim().min(2).max(120), phone: phoneSchema }).strict(),
    procedureCode: z.string().trim().min(1).max(32).optional(),
    purposes: z.array(z.object({ code: z.enum(consentPurposes), accepted: z.boolean() }).strict()).min(1).max(consentPurposes.length),
    method: z.enum(['otp', 'signature']),
    signatureAttachmentId: z.string().uuid().optional(),
  })
  .strict()
  .refine((c) => c.method !== 'signature' || !!c.signatureAttachmentId, {
    message: bilingual('Ký trên màn hình cần ảnh chữ ký', 'A signature consent needs the signature image'), path: ['signatureAttachmentId'],
  });
export type ConsentInput = z.infer<typeof consentInput>;

export const consentView = z.object({
  id: z.string(),
  status: z.enum(['awaiting_code', 'awaiting_signature', 'given', 'expired']),
  method: z.enum(['otp', 'signature']),
  subjectName: z.string(),
  subjectPhone: z.string(),
  personId: z.string().nullable(),
  procedureCode: z.string().nullable(),
  purposes: z.array(z.object({ code: z.string(), accepted: z.boolean(), labelVi: z.string(), labelEn: z.string() })),
  noticeVi: z.string(),
  noticeEn: z.string(),
  noticeHash: z.string(),
  signatureSha256: z.string().nullable(),
  givenAt: z.string().nullable(),
  evidenceHash: z.string().nullable(),
  capturedByName: z.string(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
  otpExpiresAt: z.string().nullable(),
  /** Demo mode, demo phones only: the code, so the demo can be run without a phone. */
  devCode: z.string().optional(),
});

export const assistedSubmissionBody = z
  .object({
    consentId: z.string().uuid(),
    supportActId: z.string().uuid().optional(),
    place: z.enum(supportPlaces).default('it_point'),
    durationMinutes: z.number().int().min(1).max(600).default(20),
    dossier: z
      .object({
        procedureCode: z.string().trim().min(1).max(32),
        applicant: z.object({ fullName: z.string().trim().min(2).max(120), idNumber: idNumberSchema, phone: phoneSchema, address: z.string().trim().max(300).optional() }).strict(),
        fields: z.record(z.string(), z.unknown()).default({}),
        villageId: z.string().uuid().optional(),
      })
      .strict(),
  })
  .strict();
export type AssistedSubmissionBody = z.infer<typeof assistedSubmissionBody>;

export const campaignTarget = z.object({ villageId: z.string().uuid(), metric: z.enum(campaignMetrics), target: z.number().int().min(0).max(100_000) }).strict();

export const campaignInput = z
  .object({
    name: z.string().trim().min(3).max(200),
    description: z.string().trim().max(2000).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    targets: z.array(campaignTarget).max(400).default([]),
  })
  .strict()
  .refine((c) => c.startsOn <= c.endsOn, { message: bilingual('Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start'), path: ['endsOn'] });

export const announcementInput = z
  .object({
    kind: z.enum(['general', 'scam_warning', 'campaign']),
    title: z.string().trim().min(3).max(160),
    body: z.string().trim().min(10).max(3000),
    villageIds: z.array(z.string().uuid()).max(50).default([]),
    contactPhone: phoneSchema.optional(),
  })
  .strict();
export type AnnouncementInput = z.infer<typeof announcementInput>;

/** An announcement as the API shows it (also the public bulletin board's type, web/lib/api/announcements.ts). */
export const announcementView = z.object({
  id: z.string(), communeCode: z.string(), kind: z.enum(['general', 'scam_warning', 'campaign']), title: z.string(), body: z.string(),
  villageIds: z.array(z.string()), contactPhone: z.string().nullable(), status: z.enum(['draft', 'published']), channels: z.array(z.string()),
  notifiedCount: z.number().nullable(), createdByName: z.string(), createdAt: z.string(), publishedAt: z.string().nullable(),
  bulletinUrl: z.string(), leafletUrl: z.string(), readAloudUrl: z.string(),
});
