import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Raw SQL returning rows, identical on PGlite and node-postgres (both expose `rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T>(db: Db, query: SQL): Promise<T | undefined> {
  const rows = await queryRows<T>(db, query);
  return rows[0];
}
