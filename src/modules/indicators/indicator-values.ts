import type { Bilingual } from '../../platform/errors';
import { getDefinition, type IndicatorId, type IndicatorUnit } from './definitions';
import { mean, percent, type Totals } from './measures';

/**
 * One figure as every dashboard, export and the open-data page show it: the value with what it
 * was computed from and how ("how is this computed?").
 */
export interface IndicatorValue {
  id: IndicatorId;
  label: Bilingual;
  unit: IndicatorUnit;
  /** ok; no_dossiers (nothing to divide by); no_data_yet (the module that records it is not in use yet). */
  status: 'ok' | 'no_dossiers' | 'no_data_yet';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  formula: Bilingual;
  source: string;
  note: Bilingual | null;
}

function base(id: IndicatorId) {
  const d = getDefinition(id);
  return { id, label: d.label, unit: d.unit, formula: d.formula, source: d.source, note: null };
}

export function share(id: IndicatorId, numerator: number, denominator: number, note: Bilingual | null = null): IndicatorValue {
  const value = percent(numerator, denominator);
  return { ...base(id), status: value === null ? 'no_dossiers' : 'ok', value, numerator, denominator, note };
}

export function count(id: IndicatorId, value: number): IndicatorValue {
  return { ...base(id), status: 'ok', value, numerator: value, denominator: null };
}

export function average(id: IndicatorId, sum: number, n: number): IndicatorValue {
  const value = mean(sum, n);
  return { ...base(id), status: value === null ? 'no_dossiers' : 'ok', value, numerator: sum, denominator: n };
}

/** A mean of durations recorded in seconds, shown in minutes with one decimal (the counter queue). */
export function averageMinutes(id: IndicatorId, totalSeconds: number, n: number): IndicatorValue {
  return average(id, Math.round(totalSeconds / 6) / 10, n);
}

/** A single observed amount (the longest wait…), not a count of things. */
export function observed(id: IndicatorId, value: number | null): IndicatorValue {
  return { ...base(id), status: value === null ? 'no_dossiers' : 'ok', value, numerator: value, denominator: null };
}

/** A figure whose data is recorded by a module that is not in use yet: shown as "no data yet", never guessed. */
export function noDataYet(id: IndicatorId, reason: Bilingual): IndicatorValue {
  return { ...base(id), status: 'no_data_yet', value: null, numerator: null, denominator: null, note: reason };
}

const RECEIVED_NOTE: Bilingual = {
  vi: 'xaso tính mọi hồ sơ nộp trong kỳ; công thức quốc gia còn đòi hỏi kết quả điện tử với thủ tục trả giấy — phần này không đo tại đây',
  en: 'xaso counts every dossier submitted in the period; the national formula also requires an electronic result for paper results — not measured here',
};

/** The dossier-based headline figures of a scope (everything xaso computes from its own dossiers). */
export function dossierIndicators(t: Totals, overdueNow: number): IndicatorValue[] {
  return [
    share('online_share', t.online, t.submitted, RECEIVED_NOTE),
    share('full_online_share', t.fullOnline, t.submitted),
    share('partial_online_share', t.online - t.fullOnline, t.submitted),
    share('assisted_share', t.assisted, t.submitted),
    share('on_time_or_early_share', t.early + t.onTime, t.resolved),
    share('early_share', t.early, t.resolved),
    share('on_time_share', t.onTime, t.resolved),
    share('late_share', t.late, t.resolved),
    count('overdue_now', overdueNow),
    average('avg_processing_days', t.processingWdSum, t.withResult),
    count('apology_letters', t.apologies),
  ];
}
