import { join, resolve } from 'node:path';
import { backupPglite, migrateDatabase, openDatabase } from '../platform/db';
import { startOutboxWorker } from '../platform/outbox';
import { notificationHandlers } from '../modules/notifications';
import { DEMO_STAFF } from '../modules/auth';
import { DEMO_TEAM_MEMBERS } from '../modules/teams';
import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { seedDatabase } from './seed';

/** `npm start`: database, migrations, seed, HTTP server and the outbox worker in one process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: join(dataDir, 'db') });
  const { app, deps } = await buildApp({ database, config });
  app.log.info(
    { engine: database.engine },
    database.engine === 'pglite'
      ? `Database: PGlite (embedded) in ${join(dataDir, 'db')}`
      : 'Database: PostgreSQL (DATABASE_URL)',
  );
  await migrateDatabase(database);
  await seedDatabase(deps, { demo: config.XASO_DEMO });
  await app.listen({ port: config.PORT, host: config.HOST });

  const stopWorker = startOutboxWorker({
    db: deps.db,
    handlers: { ...notificationHandlers(deps) },
    now: deps.now,
    log: app.log,
    pollMs: config.OUTBOX_POLL_MS,
  });
  const stopBackups = scheduleBackups(config, database, dataDir, app.log);
  printWelcome(config, app.server.address());

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopBackups();
    await stopWorker();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function scheduleBackups(config: Config, database: Awaited<ReturnType<typeof openDatabase>>, dataDir: string, log: { info: (m: string) => void; warn: (o: object, m: string) => void }) {
  const pglite = database.pglite;
  if (!pglite || config.BACKUP_INTERVAL_HOURS === 0) return () => {};
  const dir = resolve(config.BACKUP_DIR ?? join(dataDir, 'backups'));
  const run = () =>
    backupPglite(pglite, dir, config.BACKUP_KEEP)
      .then((file) => log.info(`Backup written: ${file}`))
      .catch((err) => log.warn({ err }, 'backup failed'));
  const timer = setInterval(run, config.BACKUP_INTERVAL_HOURS * 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}

function printWelcome(config: Config, address: unknown): void {
  const port = typeof address === 'object' && address && 'port' in address ? (address as { port: number }).port : config.PORT;
  const url = config.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const lines = [
    '',
    `  xaso đang chạy / xaso is running: ${url}`,
    `  API docs: ${url}/docs`,
    '',
    `  Người dân / citizens:             ${url}/`,
    `  Cán bộ một cửa / one-stop staff:  ${url}/can-bo/`,
    `  Lãnh đạo / leaders, province:     ${url}/lanh-dao/`,
    `  Tổ công nghệ số / digital team:   ${url}/to-cong-nghe/`,
    `  Lấy số / queue kiosk and board:   ${url}/hang-doi/`,
  ];
  if (config.XASO_DEMO) {
    lines.push(
      '',
      `  Tài khoản demo / demo logins (mật khẩu / password: ${config.DEMO_PASSWORD}):`,
      ...DEMO_STAFF.map((s) => `    ${s.username.padEnd(16)} ${s.role}`),
      ...DEMO_TEAM_MEMBERS.filter((m) => m.isLeader).map((m) => `    ${m.username.padEnd(16)} volunteer, tổ trưởng / team leader`),
      '  Công dân / citizens: 0900000001 … 0900000009 (mã OTP hiện trên màn hình ở chế độ demo / OTP shown in demo mode)',
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
