/**
 * Helpers for the community-team API tests (not production code): a device that pushes
 * commands, and lookups of demo villages and households.
 */
import { bearer, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';

export async function villageIdsByName(t: TestApp): Promise<Map<string, string>> {
  const res = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/villages`, headers: bearer(await t.staffToken('demo.admin')) });
  return new Map(res.json().items.map((v: { id: string; name: string }) => [v.name, v.id]));
}

export interface Command {
  commandId: string;
  type: string;
  payload: unknown;
  deviceAt?: string;
}

export function command(type: string, payload: unknown, deviceAt?: Date): Command {
  return { commandId: crypto.randomUUID(), type, payload, ...(deviceAt ? { deviceAt: deviceAt.toISOString() } : {}) };
}

export async function push(t: TestApp, username: string, commands: Command[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/sync/commands', headers: bearer(await t.staffToken(username)), payload: { commands } });
  if (res.statusCode !== 200) throw new Error(`push failed ${res.statusCode}: ${res.body}`);
  return res.json().results as { index: number; commandId: string; status: string; result?: Record<string, unknown>; reason?: { code: string; vi: string; en: string }; replayed: boolean }[];
}

export interface HouseholdSummary {
  id: string;
  villageId: string;
  villageName: string;
  headName: string;
  memberCount: number;
  hasElderly: boolean;
}

export async function listHouseholds(t: TestApp, username: string, query = ''): Promise<HouseholdSummary[]> {
  const res = await t.app.inject({ url: `/api/households?limit=500${query}`, headers: bearer(await t.staffToken(username)) });
  if (res.statusCode !== 200) throw new Error(`list failed ${res.statusCode}: ${res.body}`);
  return res.json().items;
}

export async function getHousehold(t: TestApp, username: string, id: string) {
  const res = await t.app.inject({ url: `/api/households/${id}`, headers: bearer(await t.staffToken(username)) });
  return res;
}

/** A valid new household: the head and one adult child. */
export function newHousehold(villageId: string, headName: string, extra: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(), villageId, address: 'Xóm Mới',
    members: [
      { id: crypto.randomUUID(), fullName: headName, birthYear: 1950, isHead: true, relation: 'Chủ hộ', phone: '0987654321', smartphone: 'basic_phone', portalAccount: false, supportNeeds: ['elderly'] },
      { id: crypto.randomUUID(), fullName: 'Lê Thị Mai', birthYear: 1992, relation: 'Con', smartphone: 'yes', vneid: 'installed', portalAccount: false },
    ],
    ...extra,
  };
}
