import type { DossierState } from './derive';
import type { ActorRole, DossierStatus, PostableActionType } from './model';
import { postableActionTypes } from './model';

/** Who asks: a role, and whether they are the dossier's citizen or the person who filed it for them. */
export interface ActionActor {
  role: ActorRole;
  isOwner: boolean;
  isSubmitter: boolean;
}

type RoleCheck = (actor: ActionActor) => boolean;
const roles = (...allowed: ActorRole[]): RoleCheck => (a) => allowed.includes(a.role);
const owner: RoleCheck = (a) => a.role === 'citizen' && a.isOwner;
const either = (...checks: RoleCheck[]): RoleCheck => (a) => checks.some((c) => c(a));

interface Transition {
  from: readonly DossierStatus[];
  who: RoleCheck;
  /** Extra condition on the folded state, with the reason shown when it fails. */
  guard?: (s: DossierState) => string | undefined;
}

const active: DossierStatus[] = ['submitted', 'received', 'in_progress', 'awaiting_supplement'];

/**
 * The one-stop rules (ND 61/2018 Art. 17–21, as amended; ND 118/2025 Art. 21
 * for stopping). Everything not listed here is refused with 409.
 */
export const transitions: Record<PostableActionType, Transition> = {
  // Art. 17: the one-stop officer checks and receives, asks for papers, or refuses.
  receive: { from: ['submitted'], who: roles('officer') },
  request_supplement: {
    from: ['submitted', 'received', 'in_progress'],
    who: roles('officer', 'specialist'),
  },
  // The citizen (or whoever filed on their behalf, or the officer at the counter) supplies the papers.
  supplement: {
    from: ['awaiting_supplement'],
    who: either(owner, roles('officer'), (a) => a.role === 'volunteer' && a.isSubmitter),
  },
  start_processing: { from: ['received'], who: roles('specialist', 'leader') },
  // Art. 19: the head of the body decides; the result is then returned by the one-stop unit (Art. 20).
  approve: { from: ['in_progress'], who: roles('leader') },
  reject: {
    from: ['submitted', 'received', 'in_progress', 'awaiting_supplement'],
    who: roles('officer', 'specialist', 'leader'),
  },
  return_result: { from: ['result_ready'], who: roles('officer') },
  // ND 118/2025 Art. 21, TT 03/2025 Art. 7: stopping is possible until a result is issued.
  withdraw: { from: active, who: either(owner, roles('officer')) },
  // Art. 19.9: an apology and a new date, and the appointment may be moved only once.
  reappoint: {
    from: ['received', 'in_progress'],
    who: roles('officer', 'specialist', 'leader'),
    guard: (s) => (s.reappointments > 0 ? 'already_reappointed' : s.dueAt === null ? 'no_running_deadline' : undefined),
  },
};

export type RefusalReason = 'wrong_status' | 'not_allowed_for_role' | 'already_reappointed' | 'no_running_deadline';

/** Pure: why `type` cannot be applied now, or undefined when it can. */
export function refusalReason(s: DossierState, type: PostableActionType, actor: ActionActor): RefusalReason | undefined {
  const t = transitions[type];
  if (!t.from.includes(s.status)) return 'wrong_status';
  if (!t.who(actor)) return 'not_allowed_for_role';
  return t.guard?.(s) as RefusalReason | undefined;
}

/** Pure: the actions this actor may take now, in a stable order (for buttons). */
export function allowedActions(s: DossierState, actor: ActionActor): PostableActionType[] {
  return postableActionTypes.filter((type) => refusalReason(s, type, actor) === undefined);
}
