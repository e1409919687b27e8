import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboxOnce } from '../../platform/outbox';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, submitAsCitizen } from '../../../tests/support/fixtures';
import { notificationHandlers } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const deliver = () => processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: t.deps.now, log: { info() {}, warn() {} } });

describe('notifications through the outbox', () => {
  it('tells the citizen about every status change, on the local channel, once each', async () => {
    const sub = await submitAsCitizen(t, '0900000007');
    await act(t, 'demo.officer', sub.code, { type: 'receive' });
    await act(t, 'demo.specialist', sub.code, { type: 'request_supplement', missingDocuments: ['Bản sao CCCD'] });
    while ((await deliver()) > 0);
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/messages?phone=0900000007&limit=200' });
    const mine = res.json().items.filter((m: { subjectRef: string }) => m.subjectRef === sub.code);
    expect(mine.map((m: { template: string }) => m.template).sort()).toEqual(['dossier.received', 'dossier.submitted', 'dossier.supplement_requested']);
    expect(mine.find((m: { template: string }) => m.template === 'dossier.supplement_requested').bodyVi).toContain('Bản sao CCCD');
    expect(await deliver()).toBe(0); // nothing left, nothing sent twice
  });

  it('writes no message when the action is refused', async () => {
    const sub = await submitAsCitizen(t, '0900000007');
    while ((await deliver()) > 0);
    const res = await act(t, 'demo.leader', sub.code, { type: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(await deliver()).toBe(0);
  });
});
