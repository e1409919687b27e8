export { openDatabase, type Database, type Db, type Engine, type OpenOptions } from './client';
export { migrateDatabase } from './migrate';
export { queryRows, queryOne } from './sql';
export { backupPglite } from './backup';
