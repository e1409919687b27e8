import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/calendar';
import { phoneSchema } from '../../shared/validation';

export const communeParams = z.object({ code: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }) });
export const counterParams = communeParams.extend({ counterId: z.string().uuid({ message: bilingual('Mã quầy không hợp lệ', 'Invalid counter id') }) });

const groupKey = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, { message: bilingual('Mã nhóm chỉ gồm chữ thường, số, dấu gạch dưới', 'Group keys use lower-case letters, digits and underscores') });

export const takeTicketBody = z.object({
  groupKey,
  /** Optional: an SMS when 3 people remain ahead. */
  phone: phoneSchema.optional(),
}).strict();

export const ticketResponse = z.object({
  id: z.string(),
  number: z.string(),
  groupKey: z.string(),
  groupName: z.string(),
  groupNameEn: z.string(),
  /** People waiting before this ticket in its group when it was taken. */
  ahead: z.number(),
  createdAt: z.string(),
  smsRequested: z.boolean(),
});

export const serveBody = z.object({
  /** The dossier received at the counter for this person, if any. */
  dossierCode: z.string().trim().min(5).max(64).optional(),
}).strict();

const groupView = z.object({ key: z.string(), name: z.string(), nameEn: z.string(), letter: z.string(), waiting: z.number() });
const currentTicket = z.object({ id: z.string(), number: z.string(), groupKey: z.string(), calledAt: z.string(), recalls: z.number() });
const counterView = z.object({ id: z.string(), number: z.number(), name: z.string(), groupKeys: z.array(z.string()), current: currentTicket.nullable() });

/** What the display board and the counter page show: numbers only, nothing personal. */
export const queueSnapshot = z.object({
  communeCode: z.string(),
  day: z.string(),
  groups: z.array(groupView),
  counters: z.array(counterView),
  recentCalls: z.array(z.object({ number: z.string(), counterNumber: z.number(), counterName: z.string(), at: z.string() })),
});
export type QueueSnapshot = z.infer<typeof queueSnapshot>;

export const deskResponse = z.object({ ticket: currentTicket.extend({ status: z.string(), dossierCode: z.string().nullable() }).nullable(), snapshot: queueSnapshot });

export const queueConfigBody = z.object({
  groups: z.array(z.object({
    key: groupKey,
    name: z.string().trim().min(2).max(80),
    nameEn: z.string().trim().min(2).max(80),
    letter: z.string().regex(/^[A-Z]$/, { message: bilingual('Chữ cái đầu số là một chữ in hoa A–Z', 'The letter is one capital A–Z') }),
  }).strict()).min(1).max(12),
  counters: z.array(z.object({
    number: z.number().int().min(1).max(99),
    name: z.string().trim().min(2).max(60),
    groupKeys: z.array(groupKey).min(1).max(12),
  }).strict()).max(30),
}).strict();
export type QueueConfigBody = z.infer<typeof queueConfigBody>;

export const queueConfigResponse = z.object({
  groups: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string(), letter: z.string() })),
  counters: z.array(z.object({ id: z.string(), number: z.number(), name: z.string(), groupKeys: z.array(z.string()) })),
});

const isoDate = z.string().refine(isValidIsoDate, { message: bilingual('Ngày phải có dạng YYYY-MM-DD', 'Dates look like YYYY-MM-DD') });
export const statsQuery = z.object({ from: isoDate, to: isoDate }).refine((q) => q.from <= q.to, {
  message: bilingual('"Từ ngày" phải trước "đến ngày"', '"from" must not be after "to"'), path: ['to'],
});

export const statsResponse = z.object({
  rows: z.array(z.object({
    day: z.string(), groupKey: z.string(), tickets: z.number(), called: z.number(), served: z.number(), skipped: z.number(),
    avgWaitSeconds: z.number().nullable(), maxWaitSeconds: z.number(), avgServiceSeconds: z.number().nullable(),
  })),
});
