import { toLocalDate } from '../../../shared/calendar';
import { sortByVietnamese } from '../../../shared/text';
import { ADULT_AGE, tallyFibre, tallyReadiness, type ReadinessTally } from '../../households';
import { share } from '../indicator-values';
import { percent } from '../measures';
import type { ReadinessCommuneData, ReadinessProvinceData } from '../panels.contracts';
import { defineSource, emptyPanel, groupSum, lastOf, okPanel, villageOf } from '../source-kit';

/**
 * Digital readiness from the household registry the team keeps (households module), as of now — a state, not a
 * monthly flow. Per village, the funnel of adults: no device | smartphone → VNeID level 2 → portal account → has
 * done one online procedure → does them on their own; plus the two criteria communes report: adults with a
 * smartphone and households with fibre (definitions in source-definitions.ts).
 */
interface Sum { households: number; fibre: number; adults: number; noDevice: number; basicPhone: number; notRecorded: number; alone: number[]; funnel: number[] }
const empty = (): Sum => ({ households: 0, fibre: 0, adults: 0, noDevice: 0, basicPhone: 0, notRecorded: 0, alone: [0, 0, 0, 0, 0], funnel: [0, 0, 0, 0, 0] });
const addPeople = (a: Sum, r: ReadinessTally) => {
  a.adults += r.adults;
  a.noDevice += r.noDevice;
  a.basicPhone += r.basicPhone;
  a.notRecorded += r.notRecorded;
  [r.smartphone, r.vneidLevel2, r.portalAccount, r.onlineOnce, r.onTheirOwn].forEach((n, i) => (a.alone[i]! += n));
  r.funnel.forEach((n, i) => (a.funnel[i]! += n));
};

function addSum(a: Sum, b: Sum): void {
  for (const k of ['households', 'fibre', 'adults', 'noDevice', 'basicPhone', 'notRecorded'] as const) a[k] += b[k];
  b.alone.forEach((n, i) => (a.alone[i]! += n));
  b.funnel.forEach((n, i) => (a.funnel[i]! += n));
}

const STEPS = [
  ['smartphone', { vi: 'Có điện thoại thông minh', en: 'Has a smartphone' }],
  ['vneid_level2', { vi: 'Có VNeID mức 2', en: 'Has VNeID level 2' }],
  ['portal_account', { vi: 'Có tài khoản dịch vụ công', en: 'Has a public-service account' }],
  ['online_once', { vi: 'Đã làm một thủ tục trực tuyến', en: 'Has done one online procedure' }],
  ['on_their_own', { vi: 'Tự làm được', en: 'Does them on their own' }],
] as const;

function figures(s: Sum = empty()) {
  return {
    households: s.households, fibreHouseholds: s.fibre, fibreShare: percent(s.fibre, s.households), adults: s.adults,
    smartphoneShare: percent(s.alone[0]!, s.adults), basicPhone: s.basicPhone, notRecorded: s.notRecorded,
    funnel: [
      { step: 'no_device' as const, label: { vi: 'Chưa có điện thoại', en: 'No phone' }, count: s.noDevice, share: percent(s.noDevice, s.adults), alone: s.noDevice },
      ...STEPS.map(([step, label], i) => ({ step, label, count: s.funnel[i]!, share: percent(s.funnel[i]!, s.adults), alone: s.alone[i]! })),
    ],
  };
}

export const readinessSource = defineSource('readiness', { vi: 'Mức độ sẵn sàng số của hộ gia đình', en: 'Household digital readiness' }, async (ctx, src) => {
  const year = Number(toLocalDate(ctx.now).slice(0, 4));
  const [people, fibre] = await Promise.all([tallyReadiness(ctx.deps.db, ctx.communeCodes, year), tallyFibre(ctx.deps.db, ctx.communeCodes)]);
  const keyOf = (r: { communeCode: string; villageId: string }) => (ctx.scope.kind === 'commune' ? r.villageId : r.communeCode);
  const groups = groupSum(people, keyOf, empty, addPeople);
  for (const f of fibre) {
    const g = groups.get(keyOf(f)) ?? empty();
    g.households += f.households;
    g.fibre += f.fibre;
    groups.set(keyOf(f), g);
  }
  const total = empty();
  for (const g of groups.values()) addSum(total, g);
  if (total.adults === 0 && total.households === 0) {
    return emptyPanel(src, { vi: 'Chưa có dữ liệu: sổ hộ gia đình chưa có hộ nào', en: 'No data yet: the household registry is empty' },
      ['adult_smartphone_share', 'household_fibre_share', 'adult_vneid_level2_share', 'adult_self_service_share']);
  }
  const indicators = [
    share('adult_smartphone_share', total.alone[0]!, total.adults),
    share('household_fibre_share', total.fibre, total.households),
    share('adult_vneid_level2_share', total.alone[1]!, total.adults),
    share('adult_self_service_share', total.funnel[4]!, total.adults),
  ];
  const head = { asOf: ctx.now.toISOString(), adultAge: ADULT_AGE, ...figures(total) };
  const freshAt = lastOf(people.map((r) => r.lastChangeAt));
  if (ctx.scope.kind === 'province') {
    const communes = ctx.communeCodes.map((code) => ({ communeCode: code, communeName: ctx.communeName(code), ...figures(groups.get(code)) }));
    return okPanel(src, ctx, indicators, { ...head, communes } satisfies ReadinessProvinceData, freshAt);
  }
  const names = await ctx.villageNames();
  const villages = sortByVietnamese([...groups].map(([key, s]) => ({ ...villageOf(key, names), ...figures(s) })), (r) => r.name ?? '\uffff');
  return okPanel(src, ctx, indicators, { ...head, villages } satisfies ReadinessCommuneData, freshAt);
});
