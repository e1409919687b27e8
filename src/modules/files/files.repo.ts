import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { fileBlobs, fileLinks, files } from './files.schema';

export type FileRow = typeof files.$inferSelect;
export type FileLinkRow = typeof fileLinks.$inferSelect;

export async function insertFile(db: Db, row: FileRow, bytes: Buffer): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(files).values(row);
    await tx.insert(fileBlobs).values({ fileId: row.id, bytes });
  });
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

export async function findFiles(db: Db, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(files).where(inArray(files.id, ids));
}

export async function readFileBytes(db: Db, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ bytes: fileBlobs.bytes }).from(fileBlobs).where(eq(fileBlobs.fileId, id));
  return row?.bytes;
}

export async function listLinks(db: Db, fileId: string): Promise<FileLinkRow[]> {
  return db.select().from(fileLinks).where(eq(fileLinks.fileId, fileId));
}

export async function insertLinks(db: Db, rows: FileLinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(fileLinks).values(rows).onConflictDoNothing();
}

export async function listDossierFileIds(db: Db, dossierCode: string): Promise<string[]> {
  const rows = await db.select({ id: fileLinks.fileId }).from(fileLinks).where(and(eq(fileLinks.dossierCode, dossierCode)));
  return rows.map((r) => r.id);
}
