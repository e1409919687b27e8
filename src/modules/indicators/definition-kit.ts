import type { Bilingual } from '../../platform/errors';

/** The shape of an indicator definition (definitions.ts, source-definitions.ts). Pure. */
export type IndicatorUnit = 'percent' | 'count' | 'working_days' | 'minutes';

export interface IndicatorDefinition {
  id: string;
  label: Bilingual;
  unit: IndicatorUnit;
  formula: Bilingual;
  source: string;
}

export const def = <const I extends string>(id: I, unit: IndicatorUnit, label: Bilingual, formula: Bilingual, source: string) => ({
  id, unit, label, formula, source,
});
