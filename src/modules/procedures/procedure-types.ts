import type { ProcedureForm } from './procedure-form';

/** ND 42/2022 Art. 11 (kept by ND 224/2026): toàn trình, một phần; `offline` for counter-only procedures. */
export const procedureLevels = ['full_online', 'partial_online', 'offline'] as const;
export type ProcedureLevel = (typeof procedureLevels)[number];

/** What the citizen receives; decides whether an electronic result must be issued (766 formula 3.3). */
export const resultKinds = ['paper_certificate', 'electronic', 'certified_copy', 'certified_document', 'notice'] as const;
export type ResultKind = (typeof resultKinds)[number];

/** Counter desks at the one-stop office: the queue routes tickets by group. */
export const serviceGroups = ['ho_tich', 'chung_thuc', 'cu_tru', 'dat_dai', 'khac'] as const;
export type ServiceGroup = (typeof serviceGroups)[number];

/** Facts of a catalogue entry that may be a default we chose rather than a verified legal value. */
export const verifiableFacts = ['code', 'level', 'processingDays', 'feeVnd', 'requiredDocuments'] as const;
export type VerifiableFact = (typeof verifiableFacts)[number];

export interface Procedure {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  /** Working days; 0 = the same day. */
  processingDays: number;
  feeVnd: number;
  requiredDocuments: string[];
  resultKind: ResultKind;
  serviceGroup: ServiceGroup;
  unverified: VerifiableFact[];
  notes: string | null;
  sourceUrl: string | null;
  form: ProcedureForm;
}

export interface CommuneOverride {
  offered: boolean;
  feeVnd: number | null;
  processingDays: number | null;
}

/** A procedure as one commune runs it: its local fee and time, and whether it offers it at all. */
export interface EffectiveProcedure extends Procedure {
  communeCode: string;
  offered: boolean;
  national: { processingDays: number; feeVnd: number };
  override: { processingDays: number | null; feeVnd: number | null };
}
