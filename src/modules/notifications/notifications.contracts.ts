import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { channelNames } from './channels/types';

export const devMessage = z.object({
  channel: z.string().describe('The channel the message would have used: sms, zalo, email or inapp'),
  recipient: z.string(),
  template: z.string(),
  subjectRef: z.string().nullable(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  createdAt: z.string(),
});

export const inboxItem = z.object({
  id: z.string(),
  template: z.string(),
  subjectRef: z.string().nullable().describe('The dossier code the message is about, if any'),
  bodyVi: z.string(),
  bodyEn: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const inboxResponse = z.object({ items: z.array(inboxItem), unread: z.number().int() });
export const inboxQuery = z.object({
  unreadOnly: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).default(0),
});

export const preferencesBody = z.object({
  preferredChannel: z.enum(channelNames, { message: bilingual('Kênh nhận tin là sms, zalo, email hoặc inapp', 'The channel is sms, zalo, email or inapp') }),
  email: z.string().trim().max(254).email({ message: bilingual('Địa chỉ email không hợp lệ', 'The e-mail address is not valid') }).nullable().optional(),
});
export const preferencesResponse = z.object({
  preferredChannel: z.enum(channelNames),
  email: z.string().nullable(),
  /** Channels this server can deliver on now. */
  availableChannels: z.array(z.enum(channelNames)),
});

export const deliveryTry = z.object({
  channel: z.enum(channelNames),
  provider: z.string(),
  status: z.string(),
  recipient: z.string().describe('Masked'),
  templateVersion: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
});
export const deliveryLogItem = z.object({
  id: z.number().int(),
  template: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  status: z.enum(['pending', 'sending', 'delivered', 'failed_temporary', 'failed_permanent', 'failed_provider']),
  recipient: z.string().describe('Masked phone'),
  attempts: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  deliveredVia: z.enum(channelNames).nullable(),
  tries: z.array(deliveryTry),
});

export const templateKeyParams = z.object({ code: z.string().regex(/^\d{5}$/), key: z.string().min(1).max(64) });
export const communeParams = z.object({ code: z.string().regex(/^\d{5}$/) });
export const templateBody = z.object({
  bodyVi: z.string().trim().min(1).max(600),
  bodyEn: z.string().trim().min(1).max(600),
});
export const templateView = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  version: z.number().int(),
  scope: z.enum(['national', 'commune']),
  bodyVi: z.string(),
  bodyEn: z.string(),
  params: z.array(z.string()),
  required: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export const templateVersionView = templateView.pick({ version: true, scope: true, bodyVi: true, bodyEn: true, updatedAt: true });
export const previewResponse = z.object({
  vi: z.string(),
  en: z.string(),
  sms: z.object({ text: z.string(), encoding: z.enum(['gsm7', 'ucs2']), segments: z.number().int(), characters: z.number().int() }),
});

export const channelStatus = z.object({
  channel: z.enum(channelNames),
  provider: z.string(),
  breaker: z.enum(['closed', 'open', 'half_open']),
  consecutiveFailures: z.number().int(),
  openUntil: z.string().nullable(),
});
