import { z } from 'zod';

export const fileIdParams = z.object({ id: z.string().regex(/^[\w-]{8,64}$/) });

export const fileMeta = z.object({
  id: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  name: z.string().nullable(),
  createdAt: z.string(),
});
export type FileMetaResponse = z.infer<typeof fileMeta>;

export const uploadHeaders = z.object({
  /** The original file name, URI-encoded (Vietnamese names survive HTTP headers that way). Optional. */
  'x-file-name': z.string().max(600).optional(),
});
