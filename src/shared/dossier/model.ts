/** Dossier statuses (trạng thái hồ sơ); see docs/GLOSSARY.md for the official terms. */
export const dossierStatuses = [
  'submitted',
  'received',
  'in_progress',
  'awaiting_supplement',
  'result_ready',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

/** Actions a user can post; `submit` is only ever the first entry of the log. */
export const postableActionTypes = [
  'receive',
  'request_supplement',
  'supplement',
  'start_processing',
  'approve',
  'reject',
  'return_result',
  'withdraw',
  'reappoint',
] as const;
export type PostableActionType = (typeof postableActionTypes)[number];
export type ActionType = 'submit' | PostableActionType;

export type ActorRole =
  | 'citizen'
  | 'officer'
  | 'specialist'
  | 'leader'
  | 'commune_admin'
  | 'volunteer'
  | 'province_viewer';

export interface ActionPayload {
  /** Due instant fixed by this action (receive, supplement after reception). ISO UTC. */
  dueAt?: string;
  /** reappoint: the new appointment. ISO UTC. */
  newDueAt?: string;
  /** request_supplement: every missing paper, listed once (ND 61/2018 Art. 15.3). */
  missingDocuments?: string[];
  /** reject: the reasons, stated on the refusal slip (ND 61/2018 Art. 17.2b). */
  reasons?: string[];
  [key: string]: unknown;
}

export interface DossierAction {
  type: ActionType;
  at: string;
  actorRole: ActorRole | 'system';
  actorId?: string | null;
  note?: string | null;
  payload?: ActionPayload | null;
}

export const terminalStatuses: readonly DossierStatus[] = ['returned', 'rejected', 'withdrawn'];
