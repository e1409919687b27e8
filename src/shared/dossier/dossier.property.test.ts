import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyToState,
  deriveState,
  dossierStatuses,
  nationalStatusCode,
  postableActionTypes,
  refusalReason,
  terminalStatuses,
  transitions,
  type ActionActor,
  type ActionPayload,
  type ActorRole,
  type DossierAction,
  type DossierState,
  type DossierStatus,
  type PostableActionType,
} from './index';

/**
 * Property tests: random action logs, filtered the way the server filters them (anything
 * with a refusalReason is answered 409 and never appended), must keep the dossier in a state
 * a citizen, an officer and the national portal can make sense of.
 */

const RUNS = { numRuns: 400 };

const allRoles: ActorRole[] = ['citizen', 'officer', 'specialist', 'leader', 'commune_admin', 'volunteer', 'province_viewer'];
/** Every kind of actor: each role with every combination of owner / submitter flags. */
const everyActor: ActionActor[] = allRoles.flatMap((role) =>
  [false, true].flatMap((isOwner) => [false, true].map((isSubmitter) => ({ role, isOwner, isSubmitter }))),
);
const finishedStatuses: readonly DossierStatus[] = ['result_ready', 'returned', 'rejected', 'withdrawn'];

/** Where each action leads (reappoint keeps the status; supplement goes back to where the request came from). */
const target: Record<Exclude<PostableActionType, 'supplement' | 'reappoint'>, DossierStatus> = {
  receive: 'received',
  request_supplement: 'awaiting_supplement',
  start_processing: 'in_progress',
  approve: 'result_ready',
  reject: 'rejected',
  return_result: 'returned',
  withdraw: 'withdrawn',
};

const actorArb: fc.Arbitrary<ActionActor> = fc.oneof(
  // The interesting citizens and volunteers, named, so they come up often.
  fc.constant<ActionActor>({ role: 'citizen', isOwner: true, isSubmitter: true }),
  fc.constant<ActionActor>({ role: 'citizen', isOwner: true, isSubmitter: false }),
  fc.constant<ActionActor>({ role: 'citizen', isOwner: false, isSubmitter: false }),
  fc.constant<ActionActor>({ role: 'volunteer', isOwner: false, isSubmitter: true }),
  fc.constant<ActionActor>({ role: 'volunteer', isOwner: false, isSubmitter: false }),
  // Anyone, with arbitrary flags (an officer flagged "owner" must not gain citizen rights, etc.).
  fc.record({ role: fc.constantFrom(...allRoles), isOwner: fc.boolean(), isSubmitter: fc.boolean() }),
);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Step {
  type: PostableActionType;
  actor: ActionActor;
  /** Minutes since the previous step. */
  gap: number;
  /** Days from this step to the due date it fixes (receive, supplement, reappoint), or none. */
  dueInDays: number | null;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...postableActionTypes),
  actor: actorArb,
  gap: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  dueInDays: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 8 }),
});

/**
 * Blind walk (as the brief describes the server): random (type, actor) pairs, most refused.
 * Guided walk: each step picks one of the currently allowed (type, actor) pairs, so long
 * logs reach deep states (reappointed, supplemented twice, returned) far more often.
 */
const blindWalkArb = fc.array(stepArb, { minLength: 0, maxLength: 30 });
const guidedWalkArb = fc.array(
  fc.record({
    pick: fc.nat(),
    gap: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    dueInDays: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 8 }),
  }),
  { minLength: 0, maxLength: 30 },
);

const START = Date.UTC(2025, 0, 6, 1, 0);

function payloadFor(type: PostableActionType, at: number, dueInDays: number | null): ActionPayload | null {
  if (dueInDays === null) return type === 'request_supplement' ? { missingDocuments: ['Giấy khai sinh'] } : null;
  const due = new Date(at + dueInDays * DAY).toISOString();
  if (type === 'receive' || type === 'supplement') return { dueAt: due };
  if (type === 'reappoint') return { newDueAt: due };
  if (type === 'request_supplement') return { missingDocuments: ['Giấy khai sinh'] };
  if (type === 'reject') return { reasons: ['Hồ sơ không hợp lệ'] };
  return null;
}

interface Applied {
  action: DossierAction;
  actor: ActionActor | null;
  before: DossierState;
  after: DossierState;
}

/** Runs a walk the way the server would: refused actions are simply not appended. */
function simulate(
  steps: readonly { gap: number; dueInDays: number | null }[],
  choose: (s: DossierState, i: number) => { type: PostableActionType; actor: ActionActor } | null,
): { log: DossierAction[]; applied: Applied[]; states: DossierState[] } {
  let now = START;
  const submit: DossierAction = { type: 'submit', at: new Date(now).toISOString(), actorRole: 'citizen', actorId: 'c-1' };
  const log: DossierAction[] = [submit];
  let state = deriveState(log);
  const states = [state];
  const applied: Applied[] = [{ action: submit, actor: null, before: deriveState([]), after: state }];
  steps.forEach((step, i) => {
    now += step.gap * MINUTE;
    const choice = choose(state, i);
    if (choice === null) return;
    if (refusalReason(state, choice.type, choice.actor) !== undefined) return; // 409, not appended
    const action: DossierAction = {
      type: choice.type,
      at: new Date(now).toISOString(),
      actorRole: choice.actor.role,
      payload: payloadFor(choice.type, now, step.dueInDays),
    };
    const before = state;
    log.push(action);
    state = applyToState(state, action);
    applied.push({ action, actor: choice.actor, before, after: state });
    states.push(state);
  });
  return { log, applied, states };
}

function runBlind(steps: Step[]) {
  return simulate(steps, (_s, i) => ({ type: steps[i]!.type, actor: steps[i]!.actor }));
}

function allowedPairs(s: DossierState): { type: PostableActionType; actor: ActionActor }[] {
  return everyActor.flatMap((actor) => allowedActions(s, actor).map((type) => ({ type, actor })));
}

function runGuided(steps: { pick: number; gap: number; dueInDays: number | null }[]) {
  return simulate(steps, (s, i) => {
    const pairs = allowedPairs(s);
    return pairs.length === 0 ? null : pairs[steps[i]!.pick % pairs.length]!;
  });
}

/** Every invariant, checked after every appended action. */
function checkInvariants(run: ReturnType<typeof simulate>): void {
  const { log, applied } = run;
  let approved = false;
  let terminalSince: DossierStatus | null = null;

  applied.forEach(({ action, before, after }, i) => {
    const where = `after #${i} ${action.type} (${before.status} → ${after.status})`;

    // (1) a known status
    expect(dossierStatuses, where).toContain(after.status);

    // (2) terminal statuses are final: nothing was appended after, and nothing may be.
    expect(terminalSince, `${where}: appended after terminal ${terminalSince}`).toBeNull();
    if (terminalStatuses.includes(after.status)) {
      terminalSince = after.status;
      for (const actor of everyActor) {
        expect(allowedActions(after, actor), where).toEqual([]);
        for (const type of postableActionTypes) expect(refusalReason(after, type, actor), where).toBeDefined();
      }
    }

    // (3) the appointment may be moved only once
    expect(after.reappointments, where).toBeLessThanOrEqual(1);

    // (4) a result is returned only after it was approved
    if (action.type === 'approve') approved = true;
    if (after.status === 'returned') {
      expect(after.resultReadyAt, where).not.toBeNull();
      expect(approved, where).toBe(true);
      expect(before.status, where).toBe('result_ready');
      expect(Date.parse(after.resultReadyAt!), where).toBeLessThan(Date.parse(after.returnedAt!));
    }

    // (5) no running clock before reception or while awaiting papers
    if (after.status === 'awaiting_supplement' || after.status === 'submitted') expect(after.dueAt, where).toBeNull();

    // (6) end of processing is recorded exactly for finished statuses
    expect(after.finishedAt !== null, where).toBe(finishedStatuses.includes(after.status));

    // (7) every transition is one the table lists, and leads where the action says
    if (action.type !== 'submit') {
      const type = action.type;
      expect(transitions[type].from, where).toContain(before.status);
      if (type === 'reappoint') expect(after.status, where).toBe(before.status);
      else if (type === 'supplement') {
        expect(transitions.request_supplement.from, where).toContain(after.status);
        expect(after.status, where).toBe(before.resumeStatus ?? 'submitted');
      } else expect(after.status, where).toBe(target[type]);
    }

    // (8) a national code 1..10, and 10 exactly when returned
    const code = nationalStatusCode(after);
    expect(Number.isInteger(code) && code >= 1 && code <= 10, `${where}: code ${code}`).toBe(true);
    expect(code === 10, where).toBe(after.status === 'returned');

    // (9) the buttons offered are exactly the actions that would be accepted
    for (const actor of everyActor) {
      const accepted = postableActionTypes.filter((type) => refusalReason(after, type, actor) === undefined);
      expect(allowedActions(after, actor), where).toEqual(accepted);
    }

    // (10) folding is deterministic: prefix then the rest equals the whole
    const prefix = deriveState(log.slice(0, i + 1));
    expect(prefix, where).toEqual(after);
    expect(log.slice(i + 1).reduce(applyToState, prefix), where).toEqual(deriveState(log));
  });
}

describe('random action logs, filtered like the server', () => {
  it('blind walk: every invariant holds after every step', () => {
    fc.assert(fc.property(blindWalkArb, (steps) => checkInvariants(runBlind(steps))), RUNS);
  });

  it('guided walk: every invariant holds after every step', () => {
    fc.assert(fc.property(guidedWalkArb, (steps) => checkInvariants(runGuided(steps))), RUNS);
  });

  it('a refused action is refused for a reason the client can show', () => {
    fc.assert(
      fc.property(blindWalkArb, stepArb, (steps, extra) => {
        const { states } = runBlind(steps);
        const s = states[states.length - 1]!;
        const reason = refusalReason(s, extra.type, extra.actor);
        expect([undefined, 'wrong_status', 'not_allowed_for_role', 'already_reappointed', 'no_running_deadline']).toContain(reason);
        expect(allowedActions(s, extra.actor).includes(extra.type)).toBe(reason === undefined);
      }),
      RUNS,
    );
  });

  it('the walks are not vacuous: guided walks reach every status and a reappointment', () => {
    const seen = new Set<DossierStatus>();
    let reappointed = false;
    let supplementedAfterReception = false;
    for (const steps of fc.sample(guidedWalkArb, { numRuns: 500, seed: 42 })) {
      const { applied } = runGuided(steps);
      for (const { action, before, after } of applied) {
        seen.add(after.status);
        if (after.reappointments > 0) reappointed = true;
        if (action.type === 'supplement' && before.resumeStatus !== 'submitted') supplementedAfterReception = true;
      }
    }
    expect([...seen].sort()).toEqual([...dossierStatuses].sort());
    expect(reappointed).toBe(true);
    expect(supplementedAfterReception).toBe(true);
  });
});

describe('supplement restarts the clock', () => {
  it('after reception, the new dueAt is the one in the supplement payload; at reception, none', () => {
    fc.assert(
      fc.property(guidedWalkArb, (steps) => {
        const { applied } = runGuided(steps);
        for (const { action, before, after } of applied) {
          if (action.type !== 'supplement') continue;
          const expected = before.resumeStatus === 'submitted' || before.resumeStatus === null ? null : (action.payload?.dueAt ?? null);
          expect(after.dueAt).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('reappoint sets dueAt to the payload newDueAt', () => {
    fc.assert(
      fc.property(guidedWalkArb, (steps) => {
        const { applied } = runGuided(steps);
        for (const { action, before, after } of applied) {
          if (action.type !== 'reappoint') continue;
          expect(after.dueAt).toBe(action.payload?.newDueAt ?? before.dueAt);
          expect(after.reappointments).toBe(before.reappointments + 1);
        }
      }),
      RUNS,
    );
  });
});

describe('wrong status wins over everything else', () => {
  const isoArb = fc.integer({ min: START, max: START + 365 * DAY }).map((t) => new Date(t).toISOString());
  /** Any state at all, reachable or not: the status check must come before role and guards. */
  const anyStateArb: fc.Arbitrary<DossierState> = fc.record({
    status: fc.constantFrom(...dossierStatuses),
    resumeStatus: fc.option(fc.constantFrom(...dossierStatuses)),
    submittedAt: fc.option(isoArb),
    receivedAt: fc.option(isoArb),
    dueAt: fc.option(isoArb),
    originalDueAt: fc.option(isoArb),
    supplementRequests: fc.nat({ max: 5 }),
    reappointments: fc.nat({ max: 3 }),
    finishedAt: fc.option(isoArb),
    resultReadyAt: fc.option(isoArb),
    returnedAt: fc.option(isoArb),
    rejectedAtReception: fc.boolean(),
    lastActionAt: fc.option(isoArb),
  });

  it('every (status, type) pair the table does not list is refused with wrong_status for every role', () => {
    for (const status of dossierStatuses) {
      const s: DossierState = { ...deriveState([]), status };
      for (const type of postableActionTypes) {
        if (transitions[type].from.includes(status)) continue;
        for (const actor of everyActor) expect(refusalReason(s, type, actor), `${status} × ${type} × ${actor.role}`).toBe('wrong_status');
      }
    }
  });

  it('for random states and actors, an unlisted status always gives wrong_status', () => {
    fc.assert(
      fc.property(anyStateArb, fc.constantFrom(...postableActionTypes), actorArb, (s, type, actor) => {
        const listed = transitions[type].from.includes(s.status);
        const reason = refusalReason(s, type, actor);
        if (!listed) expect(reason).toBe('wrong_status');
        else expect(reason).not.toBe('wrong_status');
      }),
      { numRuns: 2000 },
    );
  });

  it('for reachable states, an unlisted (status, type) pair is refused with wrong_status for every role', () => {
    fc.assert(
      fc.property(guidedWalkArb, (steps) => {
        for (const s of runGuided(steps).states) {
          for (const type of postableActionTypes) {
            if (transitions[type].from.includes(s.status)) continue;
            for (const actor of everyActor) expect(refusalReason(s, type, actor)).toBe('wrong_status');
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
