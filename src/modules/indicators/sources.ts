import type { AppDeps } from '../../platform/http';
import type { IndicatorValue } from './indicator-values';
import type { MonthRange } from './measures';
import { createSourceContext } from './source-kit';
import type { IndicatorSource, SourcePanel, SourceScope, SourceShared } from './source-types';
import { counterSource } from './sources/counter';
import { paymentsSource } from './sources/payments';
import { readinessSource } from './sources/readiness';
import { ratingFacts, satisfactionSource } from './sources/satisfaction';
import { teamsSource } from './sources/teams';

/**
 * Figures that come from other modules: payments, ratings, the counter queue, the team's support log and the
 * household registry (docs/decisions/0012). Each source reads its module live through the module's index.ts,
 * bounded by the scope's communes and the period, and answers "no data yet" when the module holds nothing for
 * them — a figure is never invented. Its chart data is documented in panels.contracts.ts.
 */
export type { IndicatorSource, SourceContext, SourceId, SourcePanel, SourceScope, SourceShared } from './source-types';

export const indicatorSources: IndicatorSource[] = [paymentsSource, satisfactionSource, counterSource, teamsSource, readinessSource];

/** Every panel of a scope; pass the dashboard's read of the aggregates in `shared` so it is not read twice. */
export async function readSourcePanels(deps: AppDeps, scope: SourceScope, range: MonthRange, shared: SourceShared = {}): Promise<SourcePanel[]> {
  const ctx = createSourceContext(deps, scope, range, shared);
  return Promise.all(indicatorSources.map((s) => s.read(deps, scope, range, ctx)));
}

/** What the Decision 766 index takes from the panels (null: the module holds no data for the scope). */
export function index766Facts(panels: SourcePanel[]) {
  const all = panels.flatMap((p) => p.indicators);
  const paid = all.find((i) => i.id === 'paid_online_share');
  return {
    payments: paid && paid.status !== 'no_data_yet' ? { paidOnline: paid.numerator ?? 0, feeBearing: paid.denominator ?? 0 } : null,
    ratings: ratingFacts(all),
  };
}

/** The figures of every panel, for the headline row (each was built by indicator-values.ts with a known id). */
export function panelIndicators(panels: SourcePanel[]): IndicatorValue[] {
  return panels.flatMap((p) => p.indicators) as IndicatorValue[];
}
