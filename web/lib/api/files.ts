import type { z } from 'zod';
import type * as c from '../../../src/modules/files/files.contracts';
import { request } from './client';

export type FileMeta = z.infer<typeof c.fileMeta>;

/** Types the server accepts (checked there from the bytes); the picker offers only these. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
/** Same default as UPLOAD_MAX_BYTES; the server's limit is the one that counts. */
export const MAX_UPLOAD_BYTES = 5 * 1_048_576;

/** One raw-body upload; safe to retry (a repeat only leaves an unused copy behind). */
export const uploadFile = (blob: Blob, name: string) =>
  request<FileMeta>('POST', '/api/files', {
    blob, headers: { 'content-type': blob.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, retries: 2,
  });

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;
export const getFileMeta = (id: string) => request<FileMeta>('GET', `${fileUrl(id)}/meta`);
