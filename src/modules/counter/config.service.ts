import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assertCommuneAdmin, requireCommuneRef } from '../admin-units';
import type { QueueConfigBody } from './counter.contracts';
import * as repo from './counter.repo';
import { DEFAULT_QUEUE_GROUPS, type QueueGroupDef } from './queue-rules';

/** The commune's groups, or the defaults until its admin saves a configuration. */
export async function listQueueGroups(deps: AppDeps, communeCode: string): Promise<QueueGroupDef[]> {
  const rows = await repo.selectGroups(deps.db, communeCode);
  return rows.length ? rows.map(({ key, name, nameEn, letter }) => ({ key, name, nameEn, letter })) : [...DEFAULT_QUEUE_GROUPS];
}

export async function getQueueConfig(deps: AppDeps, communeCode: string) {
  requireCommuneRef(communeCode);
  const counters = await repo.selectCounters(deps.db, communeCode);
  return {
    groups: await listQueueGroups(deps, communeCode),
    counters: counters.map((c) => ({ id: c.id, number: c.number, name: c.name, groupKeys: c.groupKeys })),
  };
}

/** Commune admin replaces the groups and counters in one go (validated together, audited). */
export async function saveQueueConfig(deps: AppDeps, actor: Actor | undefined, communeCode: string, body: QueueConfigBody) {
  const admin = assertCommuneAdmin(actor, communeCode);
  assertConsistent(body);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.replaceGroups(tx, communeCode, body.groups, now);
    await repo.replaceCounters(tx, communeCode, body.counters, now);
    await writeAudit(tx, admin, now, { action: 'queue.config.update', entity: 'commune', entityId: communeCode, communeCode, details: { groups: body.groups.length, counters: body.counters.length } });
  });
  return getQueueConfig(deps, communeCode);
}

function assertConsistent(body: QueueConfigBody): void {
  const keys = new Set(body.groups.map((g) => g.key));
  const dup = (xs: (string | number)[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const problem =
    dup(body.groups.map((g) => g.key)) !== undefined ? { vi: 'Hai nhóm trùng mã', en: 'Two groups share a key' }
    : dup(body.groups.map((g) => g.letter)) !== undefined ? { vi: 'Hai nhóm trùng chữ cái đầu số', en: 'Two groups share a letter' }
    : dup(body.counters.map((c) => c.number)) !== undefined ? { vi: 'Hai quầy trùng số', en: 'Two counters share a number' }
    : body.counters.some((c) => c.groupKeys.some((k) => !keys.has(k))) ? { vi: 'Quầy phục vụ một nhóm không có trong danh sách', en: 'A counter serves a group that is not listed' }
    : undefined;
  if (problem) throw unprocessable('QUEUE_CONFIG_INVALID', problem);
}
