import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { completeSignatureConsents } from '../outreach';
import { assertImageBytes, findAttachmentMeta, readAttachmentBytes, storeAttachment, type AttachmentType } from '../sync';
import { resolveFieldScope } from '../teams';

/** A signature or a photo, shrunk on the phone first: 512 KB is plenty and keeps 3G uploads short. */
export const MAX_ATTACHMENT_BYTES = 512 * 1024;

/**
 * Stores an attachment under the device's id, on its own (never inside a command), so a photo
 * that fails to upload is retried alone. A signature that arrives completes the consents
 * waiting for it, in the same transaction.
 */
export async function uploadAttachment(deps: AppDeps, actor: Actor | undefined, id: string, contentType: AttachmentType, data: Buffer) {
  const scope = await resolveFieldScope(deps, actor);
  if (data.length > MAX_ATTACHMENT_BYTES) throw unprocessable('ATTACHMENT_TOO_LARGE', { vi: 'Ảnh quá lớn (tối đa 512 KB)', en: 'The image is too large (512 KB at most)' });
  assertImageBytes(contentType, data);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { attachment, created } = await storeAttachment(tx, { id, communeCode: scope.communeCode, uploadedBy: scope.actor.accountId, contentType, data, now });
    const completed = await completeSignatureConsents(tx, attachment, now);
    return { id, sha256: attachment.sha256, sizeBytes: attachment.sizeBytes, created, consentsCompleted: completed };
  });
}

/** Opening an attachment (e.g. a consent signature as proof) is limited to the commune's team and audited. */
export async function readAttachment(deps: AppDeps, actor: Actor | undefined, id: string) {
  const scope = await resolveFieldScope(deps, actor);
  const meta = await findAttachmentMeta(deps.db, id);
  if (!meta || meta.communeCode !== scope.communeCode || (meta.uploadedBy !== scope.actor.accountId && !scope.canResolveConflicts)) {
    throw notFound('ATTACHMENT_NOT_FOUND', { vi: 'Không tìm thấy tệp', en: 'No such attachment' });
  }
  await writeAudit(deps.db, actor, deps.now(), { action: 'attachment.view', entity: 'field_attachment', entityId: id, communeCode: meta.communeCode });
  return (await readAttachmentBytes(deps.db, id))!;
}
