import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { forbidden, notFound, unauthorized, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { addDays, makeLocalInstant, toLocalDate, type IsoDate } from '../../shared/calendar';
import { canAccessCommune, listVillages } from '../admin-units';
import { recordChanges as publishChanges } from '../sync';
import { resolveFieldScope } from '../teams';
import { countProgress, percentOf } from './campaign-progress';
import { campaignTargets, campaigns, type CampaignRow } from './outreach.schema';
import { campaignMetrics, metricLabels, type CampaignMetric } from '../../shared/field/support-kinds';

const campaignNotFound = () => notFound('CAMPAIGN_NOT_FOUND', { vi: 'Không tìm thấy chiến dịch', en: 'No such campaign' });
type Target = { villageId: string; metric: CampaignMetric; target: number };

/** Campaigns are planned by the commune's overseers or a team leader. */
async function assertPlanner(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  const scope = await resolveFieldScope(deps, actor);
  if (scope.communeCode !== communeCode) throw notFound('COMMUNE_NOT_FOUND', { vi: 'Không tìm thấy xã', en: 'No such commune' });
  if (!scope.communeWide && !scope.member?.isLeader) throw forbidden({ vi: 'Chỉ tổ trưởng hoặc lãnh đạo xã lập chiến dịch', en: 'Only a team leader or commune leadership plans campaigns' });
  return scope;
}

async function assertTargetVillages(deps: AppDeps, communeCode: string, targets: Target[]): Promise<void> {
  const live = new Set((await listVillages(deps, communeCode)).map((v) => v.id));
  if (targets.some((t) => !live.has(t.villageId))) throw unprocessable('UNKNOWN_VILLAGE', { vi: 'Có thôn không thuộc xã này', en: 'Some villages are not in this commune' });
}

export async function createCampaign(deps: AppDeps, actor: Actor | undefined, communeCode: string, input: { name: string; description?: string; startsOn: string; endsOn: string; targets: Target[] }) {
  const scope = await assertPlanner(deps, actor, communeCode);
  await assertTargetVillages(deps, communeCode, input.targets);
  const now = deps.now();
  const id = crypto.randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(campaigns).values({ id, communeCode, name: input.name, description: input.description ?? null, startsOn: input.startsOn, endsOn: input.endsOn, createdBy: scope.actor.accountId, createdAt: now, updatedAt: now });
    if (input.targets.length) await tx.insert(campaignTargets).values(input.targets.map((t) => ({ ...t, campaignId: id })));
    await writeAudit(tx, actor, now, { action: 'campaign.create', entity: 'campaign', entityId: id, communeCode });
    await publishChanges(tx, communeCode, [{ entity: 'campaign', entityId: id, villageId: null, op: 'upsert' }], now);
  });
  return getCampaignProgress(deps, actor, id);
}

export async function setCampaignTargets(deps: AppDeps, actor: Actor | undefined, id: string, targets: Target[]) {
  const c = await findCampaign(deps, id);
  if (!c || !canAccessCommune(actor, c.communeCode)) throw campaignNotFound();
  await assertPlanner(deps, actor, c.communeCode);
  await assertTargetVillages(deps, c.communeCode, targets);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, id));
    if (targets.length) await tx.insert(campaignTargets).values(targets.map((t) => ({ ...t, campaignId: id })));
    await tx.update(campaigns).set({ updatedAt: now }).where(eq(campaigns.id, id));
    await publishChanges(tx, c.communeCode, [{ entity: 'campaign', entityId: id, villageId: null, op: 'upsert' }], now);
  });
  return getCampaignProgress(deps, actor, id);
}

async function findCampaign(deps: AppDeps, id: string): Promise<CampaignRow | undefined> {
  const [row] = await deps.db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** Any staff of the commune (and the province) may follow a campaign: counts only, no personal data. */
function assertCanView(actor: Actor | undefined, communeCode: string): void {
  if (!actor) throw unauthorized();
  if (!canAccessCommune(actor, communeCode)) throw campaignNotFound();
}

export async function listCampaigns(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  assertCanView(actor, communeCode);
  const rows = await deps.db.select().from(campaigns).where(eq(campaigns.communeCode, communeCode)).orderBy(desc(campaigns.startsOn));
  return Promise.all(rows.map((c) => describeProgress(deps, c)));
}

export async function getCampaignProgress(deps: AppDeps, actor: Actor | undefined, id: string) {
  const c = await findCampaign(deps, id);
  if (!c) throw campaignNotFound();
  assertCanView(actor, c.communeCode);
  return describeProgress(deps, c);
}

export function campaignStatus(startsOn: IsoDate, endsOn: IsoDate, today: IsoDate): 'upcoming' | 'running' | 'ended' {
  return today < startsOn ? 'upcoming' : today > endsOn ? 'ended' : 'running';
}

/** Targets against what the support log shows now, per village and in total. */
export async function describeProgress(deps: AppDeps, c: CampaignRow) {
  const targets = await deps.db.select().from(campaignTargets).where(and(eq(campaignTargets.campaignId, c.id)));
  const counts = await countProgress(deps.db, { communeCode: c.communeCode, from: makeLocalInstant(c.startsOn, 0), until: makeLocalInstant(addDays(c.endsOn, 1), 0) });
  const villages = await listVillages(deps, c.communeCode, { includeDeleted: true });
  const villageIds = [...new Set(targets.map((t) => t.villageId))];
  const metricRow = (metric: CampaignMetric, target: number, achieved: number) => ({ metric, labelVi: metricLabels[metric].vi, labelEn: metricLabels[metric].en, target, achieved, percent: percentOf(achieved, target) });
  const perVillage = villageIds.map((v) => ({
    villageId: v, villageName: villages.find((x) => x.id === v)?.name ?? '',
    metrics: campaignMetrics.map((m) => metricRow(m, targets.find((t) => t.villageId === v && t.metric === m)?.target ?? 0, counts[m].get(v) ?? 0)),
  }));
  const totals = campaignMetrics.map((m) => metricRow(m, targets.filter((t) => t.metric === m).reduce((s, t) => s + t.target, 0),
    villageIds.reduce((s, v) => s + (counts[m].get(v) ?? 0), 0)));
  const today = toLocalDate(deps.now());
  return {
    id: c.id, communeCode: c.communeCode, name: c.name, description: c.description, startsOn: c.startsOn, endsOn: c.endsOn,
    status: campaignStatus(c.startsOn, c.endsOn, today), totals, villages: perVillage,
  };
}
