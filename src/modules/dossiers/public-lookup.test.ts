import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, submitAsCitizen } from '../../../tests/support/fixtures';
import { PublicLookupCache } from './public-cache';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const lookup = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code)}` });

describe('public lookup by code', () => {
  it('shows status, dates and timeline with the name masked and nothing else personal', async () => {
    const sub = await submitAsCitizen(t, '0900000006');
    const res = await lookup(sub.code);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.applicantName).toBe('N*** V** A*');
    expect(body.status).toBe('submitted');
    expect(body.dueAt).toBe(sub.dueAt);
    const text = JSON.stringify(body);
    expect(text).not.toContain('051090012345');
    expect(text).not.toContain('0900000006');
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('never serves a stale status after an acknowledged action', async () => {
    const sub = await submitAsCitizen(t, '0900000006');
    const first = await lookup(sub.code); // now cached
    const second = await lookup(sub.code);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect(second.json().status).toBe('submitted');
    const res = await act(t, 'demo.officer', sub.code, { type: 'receive' });
    expect(res.statusCode).toBe(200);
    expect((await lookup(sub.code)).json().status).toBe('received');
  });

  it('answers 404 with a bilingual message for an unknown code', async () => {
    const res = await lookup('000.00.99999.H99-260101-9999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.vi).toContain('Không tìm thấy');
  });
});

describe('PublicLookupCache', () => {
  it('drops a read that started before an invalidation', () => {
    const cache = new PublicLookupCache();
    const ticket = cache.ticket();
    cache.invalidate('A', 0);
    cache.store('A', ticket, { status: 'submitted' } as never, 0);
    expect(cache.read('A', 0)).toBeUndefined();
    const fresh = cache.ticket();
    cache.store('A', fresh, { status: 'received' } as never, 0);
    expect(cache.read('A', 0)?.status).toBe('received');
  });
});
