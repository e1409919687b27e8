import { describe, expect, it } from 'vitest';
import {
  actionLabels,
  allowedActions,
  applyToState,
  deriveState,
  dossierStatuses,
  isFinished,
  isOverdue,
  nationalStatusCode,
  postableActionTypes,
  refusalReason,
  statusLabels,
  terminalStatuses,
  type ActionActor,
  type ActionPayload,
  type ActionType,
  type ActorRole,
  type DossierAction,
  type DossierState,
} from './index';

/**
 * Examples of the one-stop rules (ND 61/2018) as a citizen, an officer or a leader would
 * see them: the status shown, the national code sent to the Cổng DVCQG, the appointment
 * date, and which buttons are offered.
 */

const officer: ActionActor = { role: 'officer', isOwner: false, isSubmitter: false };
const specialist: ActionActor = { role: 'specialist', isOwner: false, isSubmitter: false };
const leader: ActionActor = { role: 'leader', isOwner: false, isSubmitter: false };
const ownerCitizen: ActionActor = { role: 'citizen', isOwner: true, isSubmitter: true };
const otherCitizen: ActionActor = { role: 'citizen', isOwner: false, isSubmitter: false };
const volunteerSubmitter: ActionActor = { role: 'volunteer', isOwner: false, isSubmitter: true };
const volunteerOther: ActionActor = { role: 'volunteer', isOwner: false, isSubmitter: false };

const allRoles: ActorRole[] = ['citizen', 'officer', 'specialist', 'leader', 'commune_admin', 'volunteer', 'province_viewer'];
/** Every kind of actor: each role with every combination of owner / submitter flags. */
const everyActor: ActionActor[] = allRoles.flatMap((role) =>
  [false, true].flatMap((isOwner) => [false, true].map((isSubmitter) => ({ role, isOwner, isSubmitter }))),
);

const DUE_1 = '2025-03-14T10:00:00.000Z';
const DUE_2 = '2025-03-20T10:00:00.000Z';
const DUE_3 = '2025-03-25T10:00:00.000Z';

let minute = 0;
function act(type: ActionType, actorRole: ActorRole | 'system', payload?: ActionPayload): DossierAction {
  minute += 1;
  const at = new Date(Date.UTC(2025, 2, 10, 8, minute)).toISOString();
  return { type, at, actorRole, payload: payload ?? null };
}

const submit = () => act('submit', 'citizen');
const receive = (dueAt = DUE_1) => act('receive', 'officer', { dueAt });
const requestSupplement = () => act('request_supplement', 'officer', { missingDocuments: ['Bản sao CCCD'] });
const supplement = (dueAt?: string) => act('supplement', 'citizen', dueAt ? { dueAt } : {});
const startProcessing = () => act('start_processing', 'specialist');
const approve = () => act('approve', 'leader');
const reject = () => act('reject', 'officer', { reasons: ['Không thuộc thẩm quyền'] });
const returnResult = () => act('return_result', 'officer');
const withdraw = () => act('withdraw', 'citizen');
const reappoint = (newDueAt = DUE_2) => act('reappoint', 'officer', { newDueAt });

describe('happy path', () => {
  it('submit → receive → start_processing → approve → return_result shows each status and national code', () => {
    const log = [submit(), receive(DUE_1), startProcessing(), approve(), returnResult()];
    const states = log.map((_, i) => deriveState(log.slice(0, i + 1)));
    expect(states.map((s) => s.status)).toEqual(['submitted', 'received', 'in_progress', 'result_ready', 'returned']);
    expect(states.map(nationalStatusCode)).toEqual([1, 2, 4, 9, 10]);
  });

  it('the appointment is fixed at reception, and the end of processing is the approval', () => {
    const log = [submit(), receive(DUE_1), startProcessing(), approve(), returnResult()];
    const received = deriveState(log.slice(0, 2));
    expect(received.dueAt).toBe(DUE_1);
    expect(received.originalDueAt).toBe(DUE_1);
    expect(received.receivedAt).toBe(log[1]!.at);
    expect(received.finishedAt).toBeNull();

    const done = deriveState(log);
    expect(done.submittedAt).toBe(log[0]!.at);
    expect(done.resultReadyAt).toBe(log[3]!.at);
    expect(done.finishedAt).toBe(log[3]!.at);
    expect(done.returnedAt).toBe(log[4]!.at);
    expect(done.lastActionAt).toBe(log[4]!.at);
  });

  it('each step offers exactly the next button to the right role', () => {
    let s = deriveState([submit()]);
    expect(allowedActions(s, officer)).toContain('receive');
    expect(refusalReason(s, 'receive', specialist)).toBe('not_allowed_for_role');
    s = applyToState(s, receive());
    expect(allowedActions(s, specialist)).toContain('start_processing');
    expect(refusalReason(s, 'approve', leader)).toBe('wrong_status');
    s = applyToState(s, startProcessing());
    expect(allowedActions(s, leader)).toContain('approve');
    expect(refusalReason(s, 'approve', officer)).toBe('not_allowed_for_role');
    s = applyToState(s, approve());
    expect(allowedActions(s, officer)).toEqual(['return_result']);
    expect(allowedActions(s, leader)).toEqual([]);
  });

  it('an empty log is a freshly submitted dossier', () => {
    const s = deriveState([]);
    expect(s.status).toBe('submitted');
    expect(s.dueAt).toBeNull();
    expect(nationalStatusCode(s)).toBe(1);
  });
});

describe('supplements (ND 61/2018 Art. 15.3, 19.4)', () => {
  it('a supplement asked at reception goes back to "submitted" with no due date', () => {
    const log = [submit(), requestSupplement()];
    const awaiting = deriveState(log);
    expect(awaiting.status).toBe('awaiting_supplement');
    expect(nationalStatusCode(awaiting)).toBe(5);
    expect(awaiting.dueAt).toBeNull();

    // Even if the client sends a due date, the clock has not started yet.
    const back = deriveState([...log, supplement(DUE_2)]);
    expect(back.status).toBe('submitted');
    expect(back.dueAt).toBeNull();
    expect(back.receivedAt).toBeNull();
    expect(back.supplementRequests).toBe(1);
    expect(allowedActions(back, officer)).toContain('receive');
  });

  it('after reception the clock pauses while awaiting and restarts with the new dueAt', () => {
    const base = [submit(), receive(DUE_1), startProcessing()];
    const awaiting = deriveState([...base, requestSupplement()]);
    expect(awaiting.status).toBe('awaiting_supplement');
    expect(awaiting.dueAt).toBeNull();
    // Paused: never overdue, however late it gets.
    expect(isOverdue(awaiting, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    // No reappointment without a running deadline either.
    expect(refusalReason(awaiting, 'reappoint', officer)).toBe('wrong_status');

    const resumed = deriveState([...base, requestSupplement(), supplement(DUE_3)]);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.dueAt).toBe(DUE_3);
    expect(resumed.resumeStatus).toBeNull();
    expect(nationalStatusCode(resumed)).toBe(4);
  });

  it('a supplement asked right after reception returns to "received"', () => {
    const s = deriveState([submit(), receive(DUE_1), requestSupplement(), supplement(DUE_2)]);
    expect(s.status).toBe('received');
    expect(s.dueAt).toBe(DUE_2);
    expect(nationalStatusCode(s)).toBe(2);
  });

  it('counts each supplement request', () => {
    const s = deriveState([submit(), requestSupplement(), supplement(), receive(), requestSupplement(), supplement(DUE_2)]);
    expect(s.supplementRequests).toBe(2);
    expect(s.status).toBe('received');
  });

  it('only the owner citizen, the officer, or the volunteer who filed it can supply papers', () => {
    const s = deriveState([submit(), receive(), requestSupplement()]);
    expect(refusalReason(s, 'supplement', ownerCitizen)).toBeUndefined();
    expect(refusalReason(s, 'supplement', officer)).toBeUndefined();
    expect(refusalReason(s, 'supplement', volunteerSubmitter)).toBeUndefined();
    expect(refusalReason(s, 'supplement', otherCitizen)).toBe('not_allowed_for_role');
    expect(refusalReason(s, 'supplement', volunteerOther)).toBe('not_allowed_for_role');
    expect(refusalReason(s, 'supplement', specialist)).toBe('not_allowed_for_role');
    expect(allowedActions(s, otherCitizen)).toEqual([]);
    expect(allowedActions(s, volunteerSubmitter)).toEqual(['supplement']);
  });

  it('a volunteer who filed the dossier still cannot withdraw it', () => {
    const s = deriveState([submit(), receive()]);
    expect(refusalReason(s, 'withdraw', volunteerSubmitter)).toBe('not_allowed_for_role');
  });
});

describe('reappointment (ND 61/2018 Art. 19.9)', () => {
  it('moves the appointment to newDueAt and keeps the original for late accounting', () => {
    const s = deriveState([submit(), receive(DUE_1), reappoint(DUE_2)]);
    expect(s.dueAt).toBe(DUE_2);
    expect(s.originalDueAt).toBe(DUE_1);
    expect(s.reappointments).toBe(1);
    expect(s.status).toBe('received');
  });

  it('is allowed only once: the second is refused with already_reappointed', () => {
    const once = deriveState([submit(), receive(DUE_1), startProcessing()]);
    expect(refusalReason(once, 'reappoint', specialist)).toBeUndefined();
    const twice = applyToState(once, reappoint(DUE_2));
    for (const actor of [officer, specialist, leader]) {
      expect(refusalReason(twice, 'reappoint', actor)).toBe('already_reappointed');
      expect(allowedActions(twice, actor)).not.toContain('reappoint');
    }
  });

  it('stays used up after a supplement restarts the clock', () => {
    const s = deriveState([submit(), receive(DUE_1), reappoint(DUE_2), requestSupplement(), supplement(DUE_3)]);
    expect(s.dueAt).toBe(DUE_3);
    expect(refusalReason(s, 'reappoint', officer)).toBe('already_reappointed');
  });

  it('needs a running deadline', () => {
    const s = deriveState([submit(), act('receive', 'officer', {})]);
    expect(s.dueAt).toBeNull();
    expect(refusalReason(s, 'reappoint', officer)).toBe('no_running_deadline');
  });

  it('is not for citizens or volunteers', () => {
    const s = deriveState([submit(), receive()]);
    expect(refusalReason(s, 'reappoint', ownerCitizen)).toBe('not_allowed_for_role');
    expect(refusalReason(s, 'reappoint', volunteerSubmitter)).toBe('not_allowed_for_role');
  });
});

describe('withdrawal (ND 118/2025 Art. 21)', () => {
  it('the owner citizen can withdraw while the dossier is active, another citizen cannot', () => {
    const logs = [
      [submit()],
      [submit(), receive()],
      [submit(), receive(), startProcessing()],
      [submit(), receive(), requestSupplement()],
    ];
    for (const log of logs) {
      const s = deriveState(log);
      expect(refusalReason(s, 'withdraw', ownerCitizen)).toBeUndefined();
      expect(refusalReason(s, 'withdraw', officer)).toBeUndefined();
      expect(refusalReason(s, 'withdraw', otherCitizen)).toBe('not_allowed_for_role');
      expect(allowedActions(s, otherCitizen)).toEqual([]);
    }
  });

  it('is not allowed once the result is ready', () => {
    const s = deriveState([submit(), receive(), startProcessing(), approve()]);
    expect(s.status).toBe('result_ready');
    expect(refusalReason(s, 'withdraw', ownerCitizen)).toBe('wrong_status');
    expect(refusalReason(s, 'withdraw', officer)).toBe('wrong_status');
  });

  it('stops the dossier with national code 7 and ends processing', () => {
    const log = [submit(), receive(), withdraw()];
    const s = deriveState(log);
    expect(s.status).toBe('withdrawn');
    expect(nationalStatusCode(s)).toBe(7);
    expect(s.finishedAt).toBe(log[2]!.at);
  });
});

describe('refusal (ND 61/2018 Art. 17.2b)', () => {
  it('refused before reception has national code 3 (not received)', () => {
    const s = deriveState([submit(), reject()]);
    expect(s.status).toBe('rejected');
    expect(s.rejectedAtReception).toBe(true);
    expect(nationalStatusCode(s)).toBe(3);
  });

  it('refused while awaiting papers asked at reception is still "not received" (3)', () => {
    const s = deriveState([submit(), requestSupplement(), reject()]);
    expect(nationalStatusCode(s)).toBe(3);
  });

  it('refused after reception has national code 8 (processing stopped)', () => {
    for (const log of [
      [submit(), receive(), reject()],
      [submit(), receive(), startProcessing(), reject()],
      [submit(), receive(), requestSupplement(), reject()],
    ]) {
      const s = deriveState(log);
      expect(s.status).toBe('rejected');
      expect(s.rejectedAtReception).toBe(false);
      expect(nationalStatusCode(s)).toBe(8);
      expect(s.finishedAt).toBe(log[log.length - 1]!.at);
    }
  });

  it('citizens and volunteers cannot refuse', () => {
    const s = deriveState([submit()]);
    expect(refusalReason(s, 'reject', ownerCitizen)).toBe('not_allowed_for_role');
    expect(refusalReason(s, 'reject', volunteerSubmitter)).toBe('not_allowed_for_role');
  });
});

describe('isOverdue', () => {
  const before = new Date('2025-03-14T09:59:59.000Z');
  const after = new Date('2025-03-14T10:00:01.000Z');

  it('is true only once a running deadline has passed', () => {
    const s = deriveState([submit(), receive(DUE_1), startProcessing()]);
    expect(isOverdue(s, before)).toBe(false);
    expect(isOverdue(s, new Date(DUE_1))).toBe(false);
    expect(isOverdue(s, after)).toBe(true);
  });

  it('is false without a deadline (not yet received)', () => {
    expect(isOverdue(deriveState([submit()]), after)).toBe(false);
  });

  it('follows a reappointment', () => {
    const s = deriveState([submit(), receive(DUE_1), reappoint(DUE_2)]);
    expect(isOverdue(s, after)).toBe(false);
    expect(isOverdue(s, new Date('2025-03-21T00:00:00Z'))).toBe(true);
  });

  it('is false once processing has ended, however late', () => {
    const late = new Date('2030-01-01T00:00:00Z');
    for (const log of [
      [submit(), receive(DUE_1), startProcessing(), approve()],
      [submit(), receive(DUE_1), startProcessing(), approve(), returnResult()],
      [submit(), receive(DUE_1), reject()],
      [submit(), receive(DUE_1), withdraw()],
    ]) {
      const s = deriveState(log);
      expect(s.dueAt).not.toBeNull();
      expect(isFinished(s)).toBe(true);
      expect(isOverdue(s, late)).toBe(false);
    }
  });
});

describe('terminal statuses', () => {
  const terminalLogs: Record<string, DossierAction[]> = {
    returned: [submit(), receive(), startProcessing(), approve(), returnResult()],
    rejected: [submit(), receive(), reject()],
    'rejected at reception': [submit(), reject()],
    withdrawn: [submit(), withdraw()],
  };

  for (const [name, log] of Object.entries(terminalLogs)) {
    it(`${name}: no action is allowed for any role`, () => {
      const s: DossierState = deriveState(log);
      expect(terminalStatuses).toContain(s.status);
      for (const actor of everyActor) {
        expect(allowedActions(s, actor)).toEqual([]);
        for (const type of postableActionTypes) expect(refusalReason(s, type, actor)).toBe('wrong_status');
      }
    });
  }
});

describe('labels', () => {
  it('every status and action has a Vietnamese and an English label', () => {
    for (const status of dossierStatuses) {
      expect(statusLabels[status].vi.length).toBeGreaterThan(0);
      expect(statusLabels[status].en.length).toBeGreaterThan(0);
    }
    for (const type of ['submit', ...postableActionTypes] as const) {
      expect(actionLabels[type].vi.length).toBeGreaterThan(0);
      expect(actionLabels[type].en.length).toBeGreaterThan(0);
    }
  });
});
