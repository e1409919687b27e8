import type { DossierAction, DossierStatus } from './model';

/** Everything the rules need, folded from the append-only action log. */
export interface DossierState {
  status: DossierStatus;
  /** While awaiting a supplement: the status to return to. */
  resumeStatus: DossierStatus | null;
  submittedAt: string | null;
  receivedAt: string | null;
  /** null while the clock is paused (awaiting a supplement) or before reception. */
  dueAt: string | null;
  /** The appointment before any reappointment (for "late" accounting). */
  originalDueAt: string | null;
  supplementRequests: number;
  reappointments: number;
  /** End of processing for timeliness (766 §2.1): first of processed, returned, refused, withdrawn. */
  finishedAt: string | null;
  resultReadyAt: string | null;
  returnedAt: string | null;
  rejectedAtReception: boolean;
  lastActionAt: string | null;
}

const initial: DossierState = {
  status: 'submitted',
  resumeStatus: null,
  submittedAt: null,
  receivedAt: null,
  dueAt: null,
  originalDueAt: null,
  supplementRequests: 0,
  reappointments: 0,
  finishedAt: null,
  resultReadyAt: null,
  returnedAt: null,
  rejectedAtReception: false,
  lastActionAt: null,
};

/** Pure: the state after every action of the log, in order. */
export function deriveState(actions: readonly DossierAction[]): DossierState {
  return actions.reduce(applyToState, initial);
}

export function applyToState(s: DossierState, a: DossierAction): DossierState {
  const next = reduceAction({ ...s, lastActionAt: a.at }, a);
  return next;
}

function reduceAction(s: DossierState, a: DossierAction): DossierState {
  const p = a.payload ?? {};
  switch (a.type) {
    case 'submit':
      return { ...s, status: 'submitted', submittedAt: a.at };
    case 'receive':
      return { ...s, status: 'received', receivedAt: a.at, dueAt: p.dueAt ?? null, originalDueAt: p.dueAt ?? null };
    case 'request_supplement':
      // ND 61/2018 Art. 19.4: the processing clock stops while the citizen completes the dossier.
      return { ...s, status: 'awaiting_supplement', resumeStatus: s.status, dueAt: null, supplementRequests: s.supplementRequests + 1 };
    case 'supplement':
      return resumeAfterSupplement(s, p.dueAt);
    case 'start_processing':
      return { ...s, status: 'in_progress' };
    case 'approve':
      return { ...s, status: 'result_ready', resultReadyAt: a.at, finishedAt: s.finishedAt ?? a.at };
    case 'return_result':
      return { ...s, status: 'returned', returnedAt: a.at, finishedAt: s.finishedAt ?? a.at };
    case 'reject':
      return { ...s, status: 'rejected', finishedAt: s.finishedAt ?? a.at, rejectedAtReception: s.receivedAt === null, dueAt: s.dueAt };
    case 'withdraw':
      return { ...s, status: 'withdrawn', finishedAt: s.finishedAt ?? a.at };
    case 'reappoint':
      return { ...s, dueAt: p.newDueAt ?? s.dueAt, reappointments: s.reappointments + 1 };
  }
}

function resumeAfterSupplement(s: DossierState, dueAt: string | undefined): DossierState {
  const resume = s.resumeStatus ?? 'submitted';
  // Supplied at reception: the clock has not started yet. After reception the
  // period restarts from the complete dossier (ND 61/2018 Art. 19.4).
  const nextDue = resume === 'submitted' ? null : (dueAt ?? null);
  return { ...s, status: resume, resumeStatus: null, dueAt: nextDue, originalDueAt: nextDue ?? s.originalDueAt };
}

export function isFinished(s: DossierState): boolean {
  return s.finishedAt !== null;
}

/** Overdue now: has a running deadline that has passed and no end of processing yet. */
export function isOverdue(s: DossierState, now: Date): boolean {
  return !isFinished(s) && s.dueAt !== null && new Date(s.dueAt).getTime() < now.getTime();
}
