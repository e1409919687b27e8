import { sortByVietnamese } from '../../../shared/text';
import { scoreCriteria, tallyRatings, type CriterionTally, type RatingTally } from '../../feedback';
import { count, share } from '../indicator-values';
import { percent } from '../measures';
import type { SatisfactionCommuneData, SatisfactionProvinceData } from '../panels.contracts';
import { defineSource, emptyPanel, groupSum, lastOf, okPanel, round1, villageOf } from '../source-kit';
import type { SourceContext } from '../source-types';

/**
 * Satisfaction (ND 61/2018 Art. 29–31; QĐ 766 group 5): the ratings citizens gave in the period, overall and per
 * Art. 31 criterion, the comments, and the worst-rated procedures. Read live from the feedback module.
 */
const WORST_MIN_RATINGS = 3;
const WORST_SHOWN = 5;
type CriterionKey = keyof RatingTally['criteria'];

interface Sum { ratings: number; satisfied: number; dislikes: number; overallSum: number; comments: number; extra: number; criteria: Record<CriterionKey, CriterionTally> }
const criterionKeys = [...scoreCriteria.map((c) => c.key), 'agenciesContacted', 'visits'] as CriterionKey[];
const empty = (): Sum => ({
  ratings: 0, satisfied: 0, dislikes: 0, overallSum: 0, comments: 0, extra: 0,
  criteria: Object.fromEntries(criterionKeys.map((k) => [k, { answered: 0, satisfied: 0 }])) as Sum['criteria'],
});
const add = (a: Sum, r: RatingTally) => {
  a.ratings += r.ratings;
  a.satisfied += r.satisfied;
  a.dislikes += r.dislikes;
  a.overallSum += r.overallSum;
  a.comments += r.comments;
  a.extra += r.extraPaymentReports;
  for (const k of criterionKeys) {
    a.criteria[k].answered += r.criteria[k].answered;
    a.criteria[k].satisfied += r.criteria[k].satisfied;
  }
};

function figures(s: Sum = empty()) {
  return {
    ratings: s.ratings, satisfied: s.satisfied, satisfactionRate: percent(s.satisfied, s.ratings), dislikes: s.dislikes,
    dislikeShare: percent(s.dislikes, s.ratings), averageOverall: s.ratings ? round1(s.overallSum / s.ratings) : null,
    comments: s.comments, extraPaymentReports: s.extra,
  };
}

const countCriteria = {
  agenciesContacted: { article: 'Art. 31.2', vi: 'Chỉ phải liên hệ một cơ quan', en: 'Had to deal with one agency only' },
  visits: { article: 'Art. 31.3', vi: 'Đi lại không quá một lần', en: 'At most one trip to the office' },
};

/** Overall, the six scored matters of Art. 31 (4–5 = satisfied) and the two counts (one agency, at most one trip). */
function criteria(s: Sum): SatisfactionCommuneData['criteria'] {
  const overall = { key: 'overall', article: 'Art. 31', label: { vi: 'Đánh giá chung', en: 'Overall' }, answered: s.ratings, satisfied: s.satisfied, rate: percent(s.satisfied, s.ratings) };
  const row = (key: CriterionKey, article: string, label: { vi: string; en: string }) => {
    const c = s.criteria[key];
    return { key, article, label, answered: c.answered, satisfied: c.satisfied, rate: percent(c.satisfied, c.answered) };
  };
  return [
    overall,
    ...scoreCriteria.map((c) => row(c.key, c.article, { vi: c.vi, en: c.en })),
    ...(['agenciesContacted', 'visits'] as const).map((k) => row(k, countCriteria[k].article, { vi: countCriteria[k].vi, en: countCriteria[k].en })),
  ];
}

const scale = { max: 5 as const, satisfiedFrom: 4 as const, dislikeAtMost: 2 as const, worstMinRatings: WORST_MIN_RATINGS };

export const satisfactionSource = defineSource('satisfaction', { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, async (ctx, src) => {
  const commune = ctx.scope.kind === 'commune';
  const rows = await tallyRatings(ctx.deps.db, ctx.communeCodes, ctx.from, ctx.until, commune ? ['month', 'procedure', 'village'] : ['month', 'procedure']);
  const [monthRows, procedureRows] = [rows.filter((r) => r.dimension === 'month'), rows.filter((r) => r.dimension === 'procedure')];
  const total = empty();
  monthRows.forEach((r) => add(total, r));
  if (total.ratings === 0) {
    return emptyPanel(src, { vi: 'Chưa có dữ liệu: chưa có phiếu đánh giá nào trong kỳ', en: 'No data yet: no rating in the period' },
      ['satisfaction_rate', 'dissatisfied_share', 'rating_count', 'rating_comments', 'extra_payment_reports']);
  }
  const byMonth = groupSum(monthRows, (r) => r.key, empty, add);
  const names = await ctx.procedureNames();
  const procedures = [...groupSum(procedureRows, (r) => r.key, empty, add)]
    .map(([code, s]) => ({ code, name: names.get(code) ?? code, ...figures(s) }))
    .sort((a, b) => (a.satisfactionRate ?? 101) - (b.satisfactionRate ?? 101) || (a.averageOverall ?? 6) - (b.averageOverall ?? 6) || b.ratings - a.ratings);
  const common = {
    scale, criteria: criteria(total),
    months: ctx.months.map((month) => ({ month, ...figures(byMonth.get(month)) })),
    worstProcedures: procedures.filter((p) => p.ratings >= WORST_MIN_RATINGS).slice(0, WORST_SHOWN),
  };
  const indicators = [
    share('satisfaction_rate', total.satisfied, total.ratings),
    share('dissatisfied_share', total.dislikes, total.ratings),
    count('rating_count', total.ratings),
    count('rating_comments', total.comments),
    count('extra_payment_reports', total.extra),
  ];
  const data = commune
    ? { ...common, villages: await villages(ctx, rows.filter((r) => r.dimension === 'village')), procedures } satisfies SatisfactionCommuneData
    : { ...common, communes: communes(ctx, monthRows) } satisfies SatisfactionProvinceData;
  return okPanel(src, ctx, indicators, data, lastOf(monthRows.map((r) => r.lastChangeAt)));
});

async function villages(ctx: SourceContext, rows: RatingTally[]): Promise<SatisfactionCommuneData['villages']> {
  const names = await ctx.villageNames();
  return sortByVietnamese([...groupSum(rows, (r) => r.key, empty, add)].map(([key, s]) => ({ ...villageOf(key, names), ...figures(s) })), (r) => r.name ?? '\uffff');
}

function communes(ctx: SourceContext, rows: RatingTally[]): SatisfactionProvinceData['communes'] {
  const byCommune = groupSum(rows, (r) => r.communeCode, empty, add);
  return ctx.communeCodes.map((code) => ({ communeCode: code, communeName: ctx.communeName(code), ...figures(byCommune.get(code)) }));
}

/** The counts QĐ 766 indicator 5.4 needs, from a satisfaction panel's indicators (null when it has no data). */
export function ratingFacts(indicators: { id: string; status: string; numerator: number | null; denominator: number | null }[]): { ratings: number; dislikes: number } | null {
  const d = indicators.find((i) => i.id === 'dissatisfied_share');
  return d && d.status !== 'no_data_yet' && d.denominator !== null ? { ratings: d.denominator, dislikes: d.numerator ?? 0 } : null;
}
