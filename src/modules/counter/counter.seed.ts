import type { AppDeps } from '../../platform/http';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import * as repo from './counter.repo';
import { seedDemoQueueHistory } from './demo-history';
import { DEFAULT_QUEUE_GROUPS } from './queue-rules';

/** Demo commune: the default groups, three counters as a small one-stop office has them, and 20 days of history. */
export async function seedDemoQueue(deps: AppDeps): Promise<void> {
  await seedDemoCounters(deps);
  await seedDemoQueueHistory(deps);
}

async function seedDemoCounters(deps: AppDeps): Promise<void> {
  if ((await repo.selectCounters(deps.db, DEMO_COMMUNE_CODE)).length > 0) return;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.replaceGroups(tx, DEMO_COMMUNE_CODE, [...DEFAULT_QUEUE_GROUPS], now);
    await repo.replaceCounters(tx, DEMO_COMMUNE_CODE, [
      { number: 1, name: 'Quầy 1 – Tư pháp, hộ tịch', groupKeys: ['ho_tich', 'cu_tru'] },
      { number: 2, name: 'Quầy 2 – Chứng thực', groupKeys: ['chung_thuc', 'khac'] },
      { number: 3, name: 'Quầy 3 – Đất đai', groupKeys: ['dat_dai', 'khac'] },
    ], now);
  });
}
