import type { Bilingual } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import type { z } from 'zod';
import type { CommuneBreakdown, ProvinceBreakdown } from './aggregates.repo';
import type { MonthRange } from './measures';
import type { sourcePanel } from './panels.contracts';

/** Types of the source panels (sources.ts lists them; sources/*.ts read them). */
export type SourceId = 'payments' | 'satisfaction' | 'counter' | 'teams' | 'readiness';

export type SourceScope =
  | { kind: 'commune'; communeCode: string }
  /** `communes` gives the names shown side by side; without it the codes are shown. */
  | { kind: 'province'; provinceCode: string; communeCodes: string[]; communes?: { code: string; name: string }[] };

/**
 * One panel as the dashboards send it (panels.contracts.ts): id, label, status, reason, figures with their formula,
 * and the chart `data` shaped per source and scope (commune: by village, procedure…; province: by commune), null
 * when status is 'no_data_yet'.
 */
export type SourcePanel = z.infer<typeof sourcePanel>;

/** What every source needs to read one scope over one period, with the lookups they share. */
export interface SourceContext {
  deps: AppDeps;
  scope: SourceScope;
  range: MonthRange;
  now: Date;
  /** Instants of the period: from the first local day of the first month, until the first day after the last. */
  from: Date;
  until: Date;
  /** Local days of the period, 'YYYY-MM-DD', both included. */
  fromDay: string;
  toDay: string;
  months: string[];
  communeCodes: string[];
  communeName(code: string): string;
  /** Names of the commune's villages (deleted ones included); empty for a province. */
  villageNames(): Promise<Map<string, string>>;
  /** Procedure names of the catalogue (with the commune's own, for a commune). */
  procedureNames(): Promise<Map<string, string>>;
  /** The indicator aggregates of the scope and period: the dashboard's own read when it passed one, so it is read once. */
  breakdown(): Promise<CommuneBreakdown | ProvinceBreakdown>;
}

/** What a caller may share with the sources instead of letting them read it again. */
export interface SourceShared {
  breakdown?: Promise<CommuneBreakdown | ProvinceBreakdown>;
}

export interface IndicatorSource {
  id: SourceId;
  label: Bilingual;
  read(deps: AppDeps, scope: SourceScope, range: MonthRange, ctx?: SourceContext): Promise<SourcePanel>;
}
