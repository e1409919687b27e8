import type { FeeAdjustment, FeeCondition } from './payments.schema';

/**
 * The amount a dossier owes: its catalogue fee (fixed at submission) less the rules
 * that apply. An exemption makes it 0; otherwise the largest applicable reduction
 * applies (reductions do not stack: each one is the whole reduced rate the law or
 * province sets, e.g. "10,000 đ online instead of 20,000 đ"). Pure, property-tested.
 */
export interface FeeRule {
  id: string;
  procedureCode: string;
  kind: 'exemption' | 'reduction';
  percent: number;
  condition: FeeCondition;
  reasonVi: string;
  reasonEn: string;
  legalBasis: string;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
}

export interface FeeFacts {
  procedureCode: string;
  channel: 'online' | 'in_person' | 'post';
  fields: Record<string, unknown>;
  /** Local (Asia/Ho_Chi_Minh) date of submission, YYYY-MM-DD. */
  submittedOn: string;
  baseFeeVnd: number;
}

export interface FeeResult {
  baseFeeVnd: number;
  amountVnd: number;
  status: 'free' | 'exempt' | 'unpaid';
  adjustments: FeeAdjustment[];
}

const DAY = 86_400_000;

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / DAY);
}

export function conditionHolds(c: FeeCondition, f: FeeFacts): boolean {
  switch (c.type) {
    case 'always':
      return true;
    case 'channel':
      return f.channel === c.channel;
    case 'date_field_within_days': {
      const value = f.fields[c.field];
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const days = daysBetween(value, f.submittedOn);
      return days !== undefined && days >= 0 && days <= c.days;
    }
    case 'field_equals':
      return String(f.fields[c.field] ?? '') === c.value;
  }
}

export function ruleApplies(r: FeeRule, f: FeeFacts): boolean {
  if (!r.active) return false;
  if (r.procedureCode !== '*' && r.procedureCode !== f.procedureCode) return false;
  if (r.validFrom && f.submittedOn < r.validFrom) return false;
  if (r.validTo && f.submittedOn > r.validTo) return false;
  return conditionHolds(r.condition, f);
}

function adjustment(r: FeeRule, amountVnd: number): FeeAdjustment {
  return { ruleId: r.id, kind: r.kind, percent: r.percent, amountVnd, reasonVi: r.reasonVi, reasonEn: r.reasonEn, legalBasis: r.legalBasis };
}

export function computeFee(facts: FeeFacts, rules: readonly FeeRule[]): FeeResult {
  const base = facts.baseFeeVnd;
  const applicable = rules.filter((r) => ruleApplies(r, facts));
  const exemption = applicable.find((r) => r.kind === 'exemption');
  // An exemption is shown even on a fee-free procedure: the citizen learns why nothing is due.
  if (exemption) return { baseFeeVnd: base, amountVnd: 0, status: 'exempt', adjustments: [adjustment(exemption, -base)] };
  if (base === 0) return { baseFeeVnd: 0, amountVnd: 0, status: 'free', adjustments: [] };
  const best = applicable.filter((r) => r.kind === 'reduction').sort((a, b) => b.percent - a.percent)[0];
  if (!best) return { baseFeeVnd: base, amountVnd: base, status: 'unpaid', adjustments: [] };
  const amount = Math.round((base * (100 - best.percent)) / 100);
  return { baseFeeVnd: base, amountVnd: amount, status: amount === 0 ? 'exempt' : 'unpaid', adjustments: [adjustment(best, amount - base)] };
}
