import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, submitAsCitizen, submitBody, newKey } from '../../../tests/support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = async (code: string, token: string) =>
  t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}`, headers: bearer(token) });

describe('dossier lifecycle through the API', () => {
  it('carries an online dossier from submission to returned result', async () => {
    const sub = await submitAsCitizen(t);
    expect(sub.status).toBe('submitted');
    expect(sub.code).toMatch(/^[\w.]+-\d{6}-\d{4}$/);
    for (const [who, type, status, national] of [
      ['demo.officer', 'receive', 'received', 2],
      ['demo.specialist', 'start_processing', 'in_progress', 4],
      ['demo.leader', 'approve', 'result_ready', 9],
      ['demo.officer', 'return_result', 'returned', 10],
    ] as const) {
      const res = await act(t, who, sub.code, { type, note: `${type} ok` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
      expect(res.json().nationalStatusCode).toBe(national);
    }
    const view = (await get(sub.code, await t.citizenToken('0900000001'))).json();
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'receive', 'start_processing', 'approve', 'return_result']);
    expect(view.channel).toBe('online');
    expect(view.nationalChannelCode).toBe(2);
    expect(view.allowedActions).toEqual([]);
    expect(view.applicant.idNumber).toBe('051090012345'); // the owner sees their own data
  });

  it('refuses an action the rules do not allow with 409 and changes nothing', async () => {
    const sub = await submitAsCitizen(t);
    const before = (await get(sub.code, await t.staffToken('demo.officer'))).json();
    const res = await act(t, 'demo.leader', sub.code, { type: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.vi).toBeTruthy();
    expect(res.json().error.en).toBeTruthy();
    const after = (await get(sub.code, await t.staffToken('demo.officer'))).json();
    expect(after.timeline).toHaveLength(before.timeline.length);
    expect(after.status).toBe('submitted');
  });

  it('answers 403 when the role may not take the action', async () => {
    const sub = await submitAsCitizen(t);
    const res = await act(t, 'demo.leader', sub.code, { type: 'receive' });
    expect(res.statusCode).toBe(403);
  });

  it('pauses the deadline during a supplement request and restarts it after', async () => {
    const sub = await submitAsCitizen(t, '0900000002');
    await act(t, 'demo.officer', sub.code, { type: 'receive' });
    const asked = await act(t, 'demo.specialist', sub.code, { type: 'request_supplement', missingDocuments: ['Bản sao CCCD', 'Giấy ủy quyền'] });
    expect(asked.json().status).toBe('awaiting_supplement');
    expect(asked.json().dueAt).toBeNull();
    expect(asked.json().nationalStatusCode).toBe(5);
    const supplied = await act(t, '0900000002', sub.code, { type: 'supplement', note: 'Đã bổ sung' });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().status).toBe('received');
    expect(supplied.json().dueAt).not.toBeNull();
  });

  it('allows one reappointment with an apology, never two', async () => {
    const sub = await submitAsCitizen(t);
    const received = (await act(t, 'demo.officer', sub.code, { type: 'receive' })).json();
    const later = new Date(new Date(received.dueAt).getTime() + 3 * 86400_000).toISOString();
    const first = await act(t, 'demo.specialist', sub.code, { type: 'reappoint', newDueAt: later, note: 'Cần xác minh' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().dueAt).toBe(later);
    const evenLater = new Date(new Date(later).getTime() + 86400_000).toISOString();
    const second = await act(t, 'demo.specialist', sub.code, { type: 'reappoint', newDueAt: evenLater, note: 'Lần nữa' });
    expect(second.statusCode).toBe(409);
  });

  it('lets the citizen withdraw, and records refusal reasons', async () => {
    const a = await submitAsCitizen(t, '0900000003');
    const w = await act(t, '0900000003', a.code, { type: 'withdraw', note: 'Không cần nữa' });
    expect(w.json().status).toBe('withdrawn');
    expect(w.json().nationalStatusCode).toBe(7);
    const b = await submitAsCitizen(t, '0900000003');
    const noReasons = await act(t, 'demo.officer', b.code, { type: 'reject' });
    expect(noReasons.statusCode).toBe(400);
    const r = await act(t, 'demo.officer', b.code, { type: 'reject', reasons: ['Không thuộc thẩm quyền'] });
    expect(r.json().status).toBe('rejected');
    expect(r.json().nationalStatusCode).toBe(3);
  });

  it('records counter intake by an officer as received in person', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/dossiers', payload: await submitBody(t),
      headers: { ...bearer(await t.staffToken('demo.officer')), 'idempotency-key': newKey() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'received', channel: 'in_person', nationalChannelCode: 1, nationalStatusCode: 2 });
    const view = (await get(res.json().code, await t.staffToken('demo.officer'))).json();
    expect(view.onBehalf).toBe('officer');
    expect(view.applicant.idNumber).toBe('********2345'); // masked for staff until "show"
  });

  it('records a volunteer-assisted submission as online and assisted', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/dossiers', payload: await submitBody(t),
      headers: { ...bearer(await t.staffToken('demo.volunteer')), 'idempotency-key': newKey() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', channel: 'online', nationalChannelCode: 2 });
    const view = (await get(res.json().code, await t.staffToken('demo.officer'))).json();
    expect(view.onBehalf).toBe('volunteer');
  });

  it('shows the full ID number only when staff press "show", and audits it', async () => {
    const sub = await submitAsCitizen(t);
    const token = await t.staffToken('demo.officer');
    const res = await t.app.inject({ method: 'POST', url: `/api/dossiers/${sub.code}/reveal`, headers: bearer(token) });
    expect(res.json()).toEqual({ idNumber: '051090012345', phone: '0900000001' });
    const audit = (await t.database.db.execute(`select action from audit_log where entity_id = '${sub.code}'` as never)) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toContain('dossier.reveal_personal_data');
    const denied = await t.app.inject({ method: 'POST', url: `/api/dossiers/${sub.code}/reveal`, headers: bearer(await t.citizenToken('0900000001')) });
    expect(denied.statusCode).toBe(403);
  });
});
