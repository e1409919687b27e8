import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { conflict, unprocessable } from '../../platform/errors';
import { fieldAttachments } from './sync.schema';

export const attachmentTypes = ['image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

const MAGIC: Record<AttachmentType, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export interface StoredAttachment {
  id: string;
  communeCode: string;
  uploadedBy: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The bytes must be what the content type says: a signature "PNG" that is not one is refused. */
export function assertImageBytes(contentType: AttachmentType, data: Buffer): void {
  const magic = MAGIC[contentType];
  if (data.length < 16 || !magic.every((b, i) => data[i] === b)) {
    throw unprocessable('ATTACHMENT_NOT_IMAGE', {
      vi: `Tệp gửi lên không phải ảnh ${contentType === 'image/png' ? 'PNG' : 'JPEG'} hợp lệ`,
      en: `The upload is not a valid ${contentType === 'image/png' ? 'PNG' : 'JPEG'} image`,
    });
  }
}

/**
 * Stores an upload under the id the device chose. A retry with the same bytes is answered
 * as a success (created: false); different bytes under a used id are refused.
 */
export async function storeAttachment(
  db: Db,
  a: { id: string; communeCode: string; uploadedBy: string; contentType: AttachmentType; data: Buffer; now: Date },
): Promise<{ attachment: StoredAttachment; created: boolean }> {
  const sha256 = createHash('sha256').update(a.data).digest('hex');
  const inserted = await db
    .insert(fieldAttachments)
    .values({ id: a.id, communeCode: a.communeCode, uploadedBy: a.uploadedBy, contentType: a.contentType, sha256, sizeBytes: a.data.length, data: a.data, createdAt: a.now })
    .onConflictDoNothing()
    .returning({ id: fieldAttachments.id });
  const existing = await findAttachmentMeta(db, a.id);
  if (!existing) throw new Error('attachment vanished after insert');
  if (inserted.length === 0 && (existing.sha256 !== sha256 || existing.uploadedBy !== a.uploadedBy)) {
    throw conflict('ATTACHMENT_ID_TAKEN', { vi: 'Mã tệp này đã dùng cho một tệp khác', en: 'This attachment id already holds another file' });
  }
  return { attachment: existing, created: inserted.length === 1 };
}

export async function findAttachmentMeta(db: Db, id: string): Promise<StoredAttachment | undefined> {
  const [row] = await db
    .select({
      id: fieldAttachments.id, communeCode: fieldAttachments.communeCode, uploadedBy: fieldAttachments.uploadedBy,
      contentType: fieldAttachments.contentType, sha256: fieldAttachments.sha256, sizeBytes: fieldAttachments.sizeBytes, createdAt: fieldAttachments.createdAt,
    })
    .from(fieldAttachments)
    .where(eq(fieldAttachments.id, id));
  return row;
}

export async function readAttachmentBytes(db: Db, id: string): Promise<{ contentType: string; data: Buffer } | undefined> {
  const [row] = await db.select({ contentType: fieldAttachments.contentType, data: fieldAttachments.data }).from(fieldAttachments).where(eq(fieldAttachments.id, id));
  return row;
}
