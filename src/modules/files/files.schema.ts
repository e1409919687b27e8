import { customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes: node-postgres returns a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Uploaded papers and electronic results (metadata). The bytes are in `file_blobs`, so listing or checking files
 * never reads them. Stored in the database (not on disk) so that one backup holds dossiers and their papers together,
 * on PGlite and PostgreSQL alike; photos are shrunk in the browser first (≈ 200–400 KB each).
 */
export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: ['citizen', 'staff'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    /** The uploader's commune for staff uploads; null for citizens (their files reach a commune through a dossier). */
    communeCode: text('commune_code'),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    name: text('name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_owner_idx').on(t.ownerKind, t.ownerId, t.createdAt)],
);

export const fileBlobs = pgTable('file_blobs', {
  fileId: text('file_id').primaryKey(),
  bytes: bytea('bytes').notNull(),
});

/**
 * A file used by a dossier (form field, supplement, result). Written in the dossier's transaction; it is what lets
 * the commune's staff and the dossier's owner open a file they did not upload.
 */
export const fileLinks = pgTable(
  'file_links',
  {
    fileId: text('file_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    communeCode: text('commune_code').notNull(),
    citizenId: text('citizen_id'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.dossierCode] }), index('file_links_dossier_idx').on(t.dossierCode)],
);
