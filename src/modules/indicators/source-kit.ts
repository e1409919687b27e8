import type { Bilingual } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { addDays, makeLocalInstant } from '../../shared/calendar';
import { listVillages } from '../admin-units';
import { listCommuneProcedures, listProcedures } from '../procedures';
import { noDataYet, type IndicatorValue } from './indicator-values';
import type { IndicatorId } from './definitions';
import type { MonthRange } from './measures';
import { addMonths, listMonths } from './period';
import { readCommuneBreakdown, readProvinceBreakdown } from './aggregates.repo';
import type { IndicatorSource, SourceContext, SourceId, SourcePanel, SourceScope, SourceShared } from './source-types';

/** Helpers shared by the source panels (sources/*.ts). */
export function createSourceContext(deps: AppDeps, scope: SourceScope, range: MonthRange, shared: SourceShared = {}): SourceContext {
  const firstMonth = range.from.slice(0, 7);
  const lastMonth = range.to.slice(0, 7);
  const nextMonthDay = `${addMonths(lastMonth, 1)}-01`;
  const names = new Map(scope.kind === 'province' ? (scope.communes ?? []).map((c) => [c.code, c.name]) : []);
  const once = <T>(load: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= load());
  };
  return {
    deps, scope, range, now: deps.now(),
    from: makeLocalInstant(range.from, 0), until: makeLocalInstant(nextMonthDay, 0),
    fromDay: range.from, toDay: addDays(nextMonthDay, -1),
    months: listMonths(firstMonth, lastMonth),
    communeCodes: scope.kind === 'commune' ? [scope.communeCode] : scope.communeCodes,
    communeName: (code) => names.get(code) ?? code,
    villageNames: once(async () => scope.kind === 'commune'
      ? new Map((await listVillages(deps, scope.communeCode, { includeDeleted: true })).map((v) => [v.id, v.name]))
      : new Map<string, string>()),
    breakdown: once(() => shared.breakdown ?? (scope.kind === 'commune'
      ? readCommuneBreakdown(deps.db, scope.communeCode, range, 'aggregates')
      : readProvinceBreakdown(deps.db, scope.communeCodes, range, 'aggregates'))),
    procedureNames: once(async () => {
      const list = scope.kind === 'commune' ? await listCommuneProcedures(deps, scope.communeCode) : await listProcedures(deps);
      return new Map(list.map((p) => [p.code, p.name]));
    }),
  };
}

/** A source whose figures come from `build`, with the shared context made once per dashboard. */
export function defineSource(id: SourceId, label: Bilingual, build: (ctx: SourceContext, src: { id: SourceId; label: Bilingual }) => Promise<SourcePanel>): IndicatorSource {
  const src = { id, label };
  return { id, label, read: (deps, scope, range, ctx) => build(ctx ?? createSourceContext(deps, scope, range), src) };
}

/**
 * Figures read live from the module's tables at the time of the answer. `freshAt` is the last change among the
 * records counted (latest rating, act, payment…); a source whose counters carry no time gives the answer's time.
 */
export function okPanel(src: { id: SourceId; label: Bilingual }, ctx: SourceContext, indicators: IndicatorValue[], data: object, freshAt: Date | null = ctx.now): SourcePanel {
  // Each source checks its data against its own type (`satisfies` in sources/*.ts); the route's schema checks it again.
  return { ...src, status: 'ok', reason: null, indicators, data, freshAt: freshAt?.toISOString() ?? null } as SourcePanel;
}

/** The latest of the instants (null when none). */
export function lastOf(instants: (Date | null | undefined)[]): Date | null {
  return instants.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
}

/** Nothing recorded for this scope and period: every figure says so, none is invented. */
export function emptyPanel(src: { id: SourceId; label: Bilingual }, reason: Bilingual, ids: IndicatorId[]): SourcePanel {
  return { ...src, status: 'no_data_yet', reason, indicators: ids.map((i) => noDataYet(i, reason)), data: null, freshAt: null } as SourcePanel;
}

/** Sums rows into one accumulator per key (months, villages, communes…). */
export function groupSum<R, A>(rows: R[], keyOf: (r: R) => string, empty: () => A, add: (acc: A, r: R) => void): Map<string, A> {
  const out = new Map<string, A>();
  for (const r of rows) {
    const k = keyOf(r);
    let acc = out.get(k);
    if (!acc) out.set(k, (acc = empty()));
    add(acc, r);
  }
  return out;
}

/** The village key of a tally ('' = none given) as the dashboards show it: id and name, or both null. */
export function villageOf(key: string, names: Map<string, string>): { villageId: string | null; name: string | null } {
  return key ? { villageId: key, name: names.get(key) ?? null } : { villageId: null, name: null };
}

/** Rounds to one decimal (minutes, averages), null stays null. */
export const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
