import { sortByVietnamese } from '../../../shared/text';
import { describeProgress, listActFacts, listCampaignsOverlapping, supportLabels, tallySupportActs, tallySupportKinds, type ActDimension, type ActTally } from '../../outreach';
import { tallyActFacts, tallyActKinds } from './act-tally';
import { countTeamStrength } from '../../teams';
import { count } from '../indicator-values';
import type { TeamsCommuneData, TeamsProvinceData } from '../panels.contracts';
import { defineSource, emptyPanel, groupSum, lastOf, okPanel, villageOf } from '../source-kit';
import type { SourceContext } from '../source-types';

/**
 * Team work of the Tổ công nghệ số cộng đồng (ND 224/2026 Art. 79): support acts by month, day, kind, place,
 * outcome, member and village, and the progress of the campaigns that overlap the period (outreach module).
 * "People helped" counts distinct registered people within each row plus one per anonymous walk-in.
 */
type Activity = TeamsCommuneData['months'][number] extends infer M ? Omit<M, 'month'> : never;
const activity = (r?: ActTally): Activity => ({
  acts: r?.acts ?? 0, done: r?.done ?? 0, peopleHelped: (r?.people ?? 0) + (r?.anonymous ?? 0), householdsVisited: r?.householdsVisited ?? 0, minutes: r?.minutes ?? 0,
});
const label = (key: string) => supportLabels[key as keyof typeof supportLabels] ?? { vi: key, en: key };
const byKey = (rows: ActTally[]) => new Map(rows.map((r) => [r.key, r]));

export const teamsSource = defineSource('teams', { vi: 'Hoạt động của Tổ công nghệ số cộng đồng', en: 'Community digital team activity' }, async (ctx, src) => {
  const commune = ctx.scope.kind === 'commune';
  const [{ rows, kindRows }, strength] = await Promise.all([readActs(ctx), countTeamStrength(ctx.deps.db, ctx.communeCodes)]);
  const of = (d: ActDimension) => rows.filter((r) => r.dimension === d);
  const totals = of('commune');
  const acts = totals.reduce((s, r) => s + r.acts, 0);
  if (acts === 0) {
    return emptyPanel(src, { vi: 'Chưa có dữ liệu: chưa có lượt hỗ trợ nào được ghi trong kỳ', en: 'No data yet: no support act logged in the period' },
      ['support_acts', 'people_helped', 'team_accounts_created', 'team_vneid_level2', 'team_members']);
  }
  const campaigns = await campaignProgress(ctx);
  const kindTotals = groupSum(kindRows, (r) => r.kind, () => ({ acts: 0, done: 0 }), (a, r) => { a.acts += r.acts; a.done += r.done; });
  const common = { ...timeline(ctx, of('month'), of('day')), kinds: kindList(kindTotals), campaigns };
  const people = totals.reduce((s, r) => s + r.people + r.anonymous, 0);
  const freshAt = lastOf(totals.map((r) => r.lastChangeAt));
  const members = [...strength.values()].reduce((s, x) => s + x.members, 0);
  const indicators = [
    count('support_acts', acts), count('people_helped', people),
    count('team_accounts_created', kindTotals.get('account_created')?.done ?? 0), count('team_vneid_level2', kindTotals.get('vneid_level2')?.done ?? 0),
    count('team_members', members),
  ];
  if (!commune) return okPanel(src, ctx, indicators, { ...common, communes: communeRows(ctx, totals, strength) } satisfies TeamsProvinceData, freshAt);
  const team = strength.get(ctx.communeCodes[0]!) ?? { teams: 0, members: 0 };
  return okPanel(src, ctx, indicators, { ...common, team, ...(await communeBreakdown(ctx, of)) } satisfies TeamsCommuneData, freshAt);
});

/**
 * A commune's acts are few (a few thousand a year): read once and tallied in memory. A province's are not: tallied
 * in SQL, by the three breakdowns its panel shows.
 */
async function readActs(ctx: SourceContext): Promise<{ rows: ActTally[]; kindRows: { kind: string; acts: number; done: number }[] }> {
  const { db } = ctx.deps;
  if (ctx.scope.kind === 'commune') {
    const facts = await listActFacts(db, ctx.scope.communeCode, ctx.from, ctx.until);
    return { rows: tallyActFacts(ctx.scope.communeCode, facts, ['commune', 'month', 'day', 'place', 'outcome', 'member', 'village']), kindRows: tallyActKinds(ctx.scope.communeCode, facts) };
  }
  const [rows, kindRows] = await Promise.all([
    tallySupportActs(db, ctx.communeCodes, ctx.from, ctx.until, ['commune', 'month', 'day']), tallySupportKinds(db, ctx.communeCodes, ctx.from, ctx.until),
  ]);
  return { rows, kindRows };
}

/** Every month of the period (zeros included) and the days with acts. */
function timeline(ctx: SourceContext, monthRows: ActTally[], dayRows: ActTally[]) {
  const months = groupSum(monthRows, (r) => r.key, () => activity(), addActivity);
  const days = groupSum(dayRows, (r) => r.key, () => activity(), addActivity);
  return {
    months: ctx.months.map((month) => ({ month, ...(months.get(month) ?? activity()) })),
    days: [...days.keys()].sort().map((day) => ({ day, ...days.get(day)! })),
  };
}

/** Kinds of help, the most frequent first. */
function kindList(totals: Map<string, { acts: number; done: number }>) {
  return [...totals].sort((a, b) => b[1].acts - a[1].acts || a[0].localeCompare(b[0])).map(([kind, c]) => ({ kind, label: label(kind), ...c }));
}

function communeRows(ctx: SourceContext, totals: ActTally[], strength: Map<string, { teams: number; members: number }>): TeamsProvinceData['communes'] {
  const byCommune = byKey(totals.map((r) => ({ ...r, key: r.communeCode })));
  return ctx.communeCodes.map((code) => ({
    communeCode: code, communeName: ctx.communeName(code), teams: strength.get(code)?.teams ?? 0, members: strength.get(code)?.members ?? 0, ...activity(byCommune.get(code)),
  }));
}

/** Several rows of one key (months of several communes…) add up; distinct people are summed per row. */
function addActivity(a: Activity, r: ActTally): void {
  const b = activity(r);
  for (const k of Object.keys(a) as (keyof Activity)[]) a[k] += b[k];
}

async function communeBreakdown(ctx: SourceContext, of: (by: ActDimension) => ActTally[]) {
  const [placeRows, outcomeRows, memberRows, villageRows, names] = [of('place'), of('outcome'), of('member'), of('village'), await ctx.villageNames()];
  const counted = (rows: ActTally[]) => [...rows].sort((a, b) => b.acts - a.acts || a.key.localeCompare(b.key)).map((r) => ({ key: r.key, label: label(r.key), acts: r.acts, done: r.done }));
  return {
    places: counted(placeRows).map(({ key, ...r }) => ({ place: key, ...r })),
    outcomes: counted(outcomeRows).map(({ key, ...r }) => ({ outcome: key, ...r })),
    members: sortByVietnamese(memberRows.map((r) => ({ memberId: r.key, name: r.label ?? '', ...activity(r) })), (r) => r.name),
    villages: sortByVietnamese(villageRows.map((r) => ({ ...villageOf(r.key, names), ...activity(r) })), (r) => r.name ?? '\uffff'),
  };
}

/** Campaigns overlapping the period, each with its targets against the live count (outreach describeProgress). */
async function campaignProgress(ctx: SourceContext): Promise<TeamsCommuneData['campaigns']> {
  const rows = await listCampaignsOverlapping(ctx.deps.db, ctx.communeCodes, ctx.fromDay, ctx.toDay);
  const described = await Promise.all(rows.map((c) => describeProgress(ctx.deps, c)));
  return described.map((c) => ({
    id: c.id, communeCode: c.communeCode, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status,
    totals: c.totals.map((m) => ({ metric: m.metric, label: { vi: m.labelVi, en: m.labelEn }, target: m.target, achieved: m.achieved, percent: m.percent })),
  }));
}
