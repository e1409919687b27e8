/**
 * `npm run bench:web`: time to usable of the citizen home and procedure pages on emulated slow 3G
 * (Chromium network throttling: 400 kbit/s down and up, 400 ms round trip), empty cache, 360×740 phone.
 * "Usable" = the page's main content is on screen and can be tapped: the most-used procedure cards on the home
 * page, the "Nộp hồ sơ" button on the procedure page. A benchmark, not a test: it prints the figures and writes
 * bench/results/web-slow3g.md. Needs /usr/bin/chromium (or XASO_CHROMIUM).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { migrateDatabase, openDatabase } from '../src/platform/db';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedDatabase } from '../src/server/seed';
import { ensureWebBuilt } from '../web/tools/ensure-built';
import { launchBrowser, PHONE } from '../e2e/support/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const pages = [
  { name: 'Trang chủ / home', path: '/', usable: (p: import('playwright-core').Page) => p.locator('.cards .link-card').first().waitFor() },
  { name: 'Trang thủ tục / procedure page', path: '/thu-tuc/1.001193', usable: (p: import('playwright-core').Page) => p.getByRole('link', { name: 'Nộp hồ sơ' }).waitFor() },
];

async function main(): Promise<void> {
  await ensureWebBuilt();
  const config = loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(database);
  const log = pino({ level: 'silent' });
  await seedDatabase({ db: database.db, engine: database.engine, config, now: () => new Date(), log }, { demo: true });
  const { app } = await buildApp({ database, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    for (const pg of pages) {
      const times: number[] = [];
      const fcps: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ ...PHONE, baseURL: base });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
        let transferred = 0;
        cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
        const t0 = Date.now();
        await page.goto(pg.path, { waitUntil: 'commit', timeout: 120_000 });
        await pg.usable(page);
        times.push(Date.now() - t0);
        fcps.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
        bytes = transferred;
        await context.close();
      }
      const line = `| ${pg.name} | ${median(times)} ms | ${Math.min(...times)}–${Math.max(...times)} ms | ${Math.round(median(fcps))} ms | ${(bytes / 1024).toFixed(1)} KB |`;
      console.log(line);
      rows.push(line);
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
  const report = [
    `# Citizen pages on slow 3G (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Chromium network emulation: 400 kbit/s down/up, 400 ms RTT; empty cache; 360×740; median of ${RUNS} runs.`,
    'Time to usable = from navigation start until the main content can be tapped (home: procedure cards; procedure: "Nộp hồ sơ").',
    'Bytes = everything transferred including the API calls the page makes.',
    '',
    '| Page | Time to usable (median) | Range | First contentful paint | Bytes on the wire |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/web-slow3g.md', report);
  console.log('\nWritten to bench/results/web-slow3g.md');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
