import type { FieldProblem } from '../../platform/errors';
import type { CommuneOverride, EffectiveProcedure, Procedure } from './procedure-types';

export interface OverrideInput {
  offered?: boolean;
  feeVnd?: number | null;
  processingDays?: number | null;
}

export const NO_OVERRIDE: CommuneOverride = { offered: true, feeVnd: null, processingDays: null };

/**
 * A commune may shorten, never lengthen, a legal processing time: the national figure
 * is the maximum the law allows (e.g. Luật Hộ tịch 2014 Art. 16-28; ND 61/2018 lets
 * agencies publish shorter times). When our national figure is only a default we
 * chose (flagged unverified), the commune's own knowledge of the legal time wins.
 */
export function checkOverride(national: Procedure, input: OverrideInput): FieldProblem[] {
  const days = input.processingDays;
  if (days === undefined || days === null) return [];
  if (national.unverified.includes('processingDays') || days <= national.processingDays) return [];
  return [
    {
      path: 'body.processingDays',
      vi: `Thời hạn giải quyết không được dài hơn thời hạn luật định (${national.processingDays} ngày làm việc)`,
      en: `The processing time cannot exceed the legal limit (${national.processingDays} working days)`,
    },
  ];
}

/** Omitted fields keep their current value; null clears an override back to the national value. */
export function mergeOverride(current: CommuneOverride, input: OverrideInput): CommuneOverride {
  return {
    offered: input.offered ?? current.offered,
    feeVnd: input.feeVnd === undefined ? current.feeVnd : input.feeVnd,
    processingDays: input.processingDays === undefined ? current.processingDays : input.processingDays,
  };
}

export function applyOverride(procedure: Procedure, communeCode: string, o: CommuneOverride): EffectiveProcedure {
  return {
    ...procedure,
    communeCode,
    offered: o.offered,
    processingDays: o.processingDays ?? procedure.processingDays,
    feeVnd: o.feeVnd ?? procedure.feeVnd,
    national: { processingDays: procedure.processingDays, feeVnd: procedure.feeVnd },
    override: { processingDays: o.processingDays, feeVnd: o.feeVnd },
  };
}
