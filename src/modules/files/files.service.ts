import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError, forbidden, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { canAccessCommune } from '../admin-units';
import { cleanFileName, sniffFileType, type AcceptedFileType } from './file-type';
import * as repo from './files.repo';

export interface FileMeta { id: string; contentType: string; sizeBytes: number; name: string | null; createdAt: string }

export const fileTooLarge = (maxBytes: number) => new AppError(413, 'FILE_TOO_LARGE', {
  vi: `Tệp quá lớn. Mỗi tệp tối đa ${Math.floor(maxBytes / 1_048_576)} MB; hãy chụp lại ảnh hoặc chọn tệp nhỏ hơn.`,
  en: `The file is too large. Each file may be at most ${Math.floor(maxBytes / 1_048_576)} MB; retake the photo or pick a smaller file.`,
});

export const unsupportedFileType = () => new AppError(415, 'UNSUPPORTED_FILE_TYPE', {
  vi: 'Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF. Tệp này không phải ảnh hay PDF.',
  en: 'Only photos (JPEG, PNG, WebP) or PDF files are accepted. This file is neither.',
});

const fileNotFound = (id: string) => notFound('FILE_NOT_FOUND', { vi: `Không tìm thấy tệp ${id}`, en: `File ${id} not found` });

/** Stores one upload after checking its size and, from its first bytes, its type. */
export async function uploadFile(deps: AppDeps, actor: Actor, data: Buffer, rawName?: string): Promise<FileMeta> {
  if (actor.kind === 'staff' && actor.role === 'province_viewer') throw forbidden();
  if (data.length > deps.config.UPLOAD_MAX_BYTES) throw fileTooLarge(deps.config.UPLOAD_MAX_BYTES);
  const type = sniffFileType(data);
  if (!type) throw unsupportedFileType();
  const row: repo.FileRow = {
    id: `f${randomBytes(18).toString('base64url')}`,
    ownerKind: actor.kind,
    ownerId: actor.accountId,
    communeCode: actor.kind === 'staff' ? actor.communeCode : null,
    contentType: type,
    sizeBytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    name: cleanFileName(rawName, type as AcceptedFileType),
    createdAt: deps.now(),
  };
  await repo.insertFile(deps.db, row, data);
  return toMeta(row);
}

/**
 * Who may open a file: its uploader; staff of the uploader's commune (staff uploads) or of a commune whose dossier
 * uses it; the citizen who owns a dossier that uses it (e.g. the electronic result). Anyone else gets 404.
 */
export async function getReadableFile(deps: AppDeps, actor: Actor, id: string): Promise<repo.FileRow> {
  const file = await repo.findFile(deps.db, id);
  if (!file) throw fileNotFound(id);
  if (file.ownerKind === actor.kind && file.ownerId === actor.accountId) return file;
  const links = await repo.listLinks(deps.db, id);
  if (actor.kind === 'citizen') {
    if (links.some((l) => l.citizenId === actor.accountId)) return file;
    throw fileNotFound(id);
  }
  const communes = [file.communeCode, ...links.map((l) => l.communeCode)].filter((c): c is string => !!c);
  const commune = communes.find((c) => canAccessCommune(actor, c));
  if (!commune) throw fileNotFound(id);
  // Decree 13/2023: staff opening a citizen's papers is recorded.
  await writeAudit(deps.db, actor, deps.now(), { action: 'file.view', entity: 'file', entityId: id, communeCode: commune });
  return file;
}

export async function readFileContent(deps: AppDeps, actor: Actor, id: string): Promise<{ meta: FileMeta; bytes: Buffer }> {
  const file = await getReadableFile(deps, actor, id);
  const bytes = await repo.readFileBytes(deps.db, id);
  if (!bytes) throw fileNotFound(id);
  return { meta: toMeta(file), bytes };
}

export interface FileRefs { path: string; ids: string[] }

/**
 * The files a dossier or an action refers to must exist and be the submitter's own uploads (staff: uploads of their
 * commune's staff). Refused with the field that holds the bad reference, and nothing is written.
 */
export async function assertFilesUsable(deps: AppDeps, actor: Actor, refs: FileRefs[]): Promise<void> {
  const ids = [...new Set(refs.flatMap((r) => r.ids))];
  if (ids.length === 0) return;
  const found = new Map((await repo.findFiles(deps.db, ids)).map((f) => [f.id, f]));
  const usable = (id: string) => {
    const f = found.get(id);
    if (!f) return false;
    if (f.ownerKind === actor.kind && f.ownerId === actor.accountId) return true;
    return actor.kind === 'staff' && f.ownerKind === 'staff' && f.communeCode !== null && f.communeCode === actor.communeCode;
  };
  const problems = refs.filter((r) => r.ids.some((id) => !usable(id))).map((r) => ({
    path: r.path,
    vi: 'Tệp đính kèm không tìm thấy hoặc không phải do bạn tải lên. Vui lòng tải lại ảnh/tệp.',
    en: 'An attached file was not found or was not uploaded by you. Please upload it again.',
  }));
  if (problems.length) {
    throw new AppError(422, 'FILE_NOT_AVAILABLE', { vi: 'Có tệp đính kèm không dùng được', en: 'Some attached files cannot be used' }, problems);
  }
}

/** Records that a dossier uses these files; call inside the dossier's transaction. */
export async function linkFilesToDossier(db: Db, ids: string[], link: { dossierCode: string; communeCode: string; citizenId: string | null; at: Date }): Promise<void> {
  await repo.insertLinks(db, [...new Set(ids)].map((fileId) => ({ fileId, ...link, linkedAt: link.at })));
}

/** The file ids held by a form's file fields, with the path used in error messages. */
export function fileRefsInFields(form: { fields: { key: string; type: string }[] }, values: Record<string, unknown>): FileRefs[] {
  return form.fields
    .filter((f) => f.type === 'file' && values[f.key] !== undefined && values[f.key] !== null)
    .map((f) => {
      const v = values[f.key];
      return { path: `fields.${f.key}`, ids: (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string') };
    });
}

export function toMeta(f: repo.FileRow): FileMeta {
  return { id: f.id, contentType: f.contentType, sizeBytes: f.sizeBytes, name: f.name, createdAt: f.createdAt.toISOString() };
}
