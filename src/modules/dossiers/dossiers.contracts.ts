import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';
import { dossierStatuses, postableActionTypes } from '../../shared/dossier';
import { idNumberSchema, phoneSchema } from '../../shared/validation';

const text = (max: number) => z.string().trim().min(1).max(max);

export const submitDossierBody = z
  .object({
    procedureCode: z.string().trim().min(1).max(32),
    communeCode: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }),
    applicant: z
      .object({
        fullName: z.string().trim().min(2).max(120),
        idNumber: idNumberSchema,
        phone: phoneSchema,
        address: z.string().trim().max(300).optional(),
      })
      .strict(),
    fields: z.record(z.string(), z.unknown()).default({}),
    villageId: z.string().uuid().optional(),
    /** Staff only: a paper dossier that came by post instead of at the counter. */
    channel: z.enum(['in_person', 'post']).optional(),
  })
  .strict();
export type SubmitDossierBody = z.infer<typeof submitDossierBody>;

export const submitDossierResponse = z.object({
  code: z.string(),
  status: z.enum(dossierStatuses),
  dueAt: z.string().nullable(),
  nationalStatusCode: z.number(),
  channel: z.enum(['in_person', 'online', 'post']),
  nationalChannelCode: z.number(),
  lookupUrl: z.string(),
});

const note = z.string().trim().max(2000).optional();
const attachments = z.array(z.string().regex(/^[\w-]{8,64}$/)).max(20).optional();

export const actionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('receive'), note }).strict(),
  z.object({ type: z.literal('request_supplement'), note, missingDocuments: z.array(text(300)).min(1).max(30) }).strict(),
  z.object({ type: z.literal('supplement'), note, attachments }).strict(),
  z.object({ type: z.literal('start_processing'), note }).strict(),
  z.object({ type: z.literal('approve'), note, attachments }).strict(),
  z.object({ type: z.literal('reject'), note, reasons: z.array(text(500)).min(1).max(20) }).strict(),
  z.object({ type: z.literal('return_result'), note }).strict(),
  z.object({ type: z.literal('withdraw'), note }).strict(),
  z.object({ type: z.literal('reappoint'), note: text(2000), newDueAt: z.iso.datetime({ offset: true }) }).strict(),
]);
export type ActionBody = z.infer<typeof actionBody>;

export const timelineEntry = z.object({
  seq: z.number(),
  type: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  at: z.string(),
  actorRole: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  attachments: z.array(z.string()).nullable(),
});

export const dossierView = z.object({
  code: z.string(),
  communeCode: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.enum(dossierStatuses),
  statusLabelVi: z.string(),
  statusLabelEn: z.string(),
  nationalStatusCode: z.number(),
  channel: z.enum(['in_person', 'online', 'post']),
  nationalChannelCode: z.number(),
  onBehalf: z.enum(['officer', 'volunteer']).nullable(),
  applicant: z.object({ fullName: z.string(), idNumber: z.string(), phone: z.string(), address: z.string().nullable() }),
  fields: z.record(z.string(), z.unknown()),
  villageId: z.string().nullable(),
  feeVnd: z.number(),
  processingDays: z.number(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueAtLocal: z.string().nullable(),
  finishedAt: z.string().nullable(),
  overdue: z.boolean(),
  supplementRequests: z.number(),
  reappointments: z.number(),
  allowedActions: z.array(z.enum(postableActionTypes)),
  timeline: z.array(timelineEntry),
});
export type DossierView = z.infer<typeof dossierView>;

export const publicDossierView = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  status: z.enum(dossierStatuses),
  statusLabelVi: z.string(),
  statusLabelEn: z.string(),
  nationalStatusCode: z.number(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueAtLocal: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeline: z.array(z.object({ type: z.string(), labelVi: z.string(), labelEn: z.string(), at: z.string() })),
});
export type PublicDossierView = z.infer<typeof publicDossierView>;

export const dossierCodeParams = z.object({ code: z.string().min(5).max(64) });

export const listDossiersQuery = z.object({
  status: z.enum(dossierStatuses).optional(),
  procedureCode: z.string().max(32).optional(),
  channel: z.enum(['in_person', 'online', 'post']).optional(),
  assisted: z.enum(['officer', 'volunteer']).optional(),
  villageId: z.string().uuid().optional(),
  communeCode: z.string().regex(/^\d{5}$/).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const dossierListItem = z.object({
  code: z.string(),
  procedureCode: z.string(),
  status: z.enum(dossierStatuses),
  nationalStatusCode: z.number(),
  channel: z.enum(['in_person', 'online', 'post']),
  onBehalf: z.enum(['officer', 'volunteer']).nullable(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  applicantIdNumber: z.string(),
  villageId: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
