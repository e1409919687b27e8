import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db';
import { readPdf } from '../../platform/pdf/pdf-test-utils';
import { DEMO_PROCEDURE, validFields } from '../../../tests/support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { command, getHousehold, push, villageIdsByName } from '../field/field-test-helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let villages: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  villages = await villageIdsByName(t);
});
afterAll(() => t?.close());

const as = async (who: string) => bearer(await t.staffToken(who));

/** An adult of Thôn Trà Kiểm with the given phone (the demo citizens head households there). */
async function personWithPhone(phone: string) {
  return (await queryOne<{ id: string; full_name: string; household_id: string }>(t.deps.db, sql`select id, full_name, household_id from household_people where phone = ${phone} and deleted_at is null limit 1`))!;
}

describe('a support act', () => {
  it('updates the readiness of the person helped when it is done, keeping the history', async () => {
    const p = (await queryOne<{ id: string; household_id: string }>(t.deps.db, sql`
      select p.id, p.household_id from household_people p where p.village_id = ${villages.get('Thôn An Hòa')!} and p.portal_account = false and p.deleted_at is null limit 1`))!;
    const partial = await push(t, 'demo.volunteer', [command('support_act.log', { id: crypto.randomUUID(), personId: p.id, place: 'door_to_door', kinds: ['account_created'], outcome: 'partial', durationMinutes: 15 })]);
    expect(partial[0]!.status).toBe('applied');
    const still = (await getHousehold(t, 'demo.volunteer', p.household_id)).json().members.find((m: { id: string }) => m.id === p.id);
    expect(still.readiness.portalAccount).toBe(false);
    const [done] = await push(t, 'demo.volunteer', [command('support_act.log', { id: crypto.randomUUID(), personId: p.id, place: 'door_to_door', kinds: ['account_created', 'vneid_level2'], durationMinutes: 25 })]);
    expect(done).toMatchObject({ status: 'applied', result: { readinessApplied: ['portalAccount', 'vneid'] } });
    const now = (await getHousehold(t, 'demo.volunteer', p.household_id)).json().members.find((m: { id: string }) => m.id === p.id);
    expect(now.readiness).toMatchObject({ portalAccount: true, vneid: 'level2' });
    const history = (await t.app.inject({ url: `/api/households/${p.household_id}/history`, headers: await as('demo.volunteer') })).json().items;
    expect(history.find((e: { field: string; source: string }) => e.field === 'portalAccount' && e.source === 'support_act')).toMatchObject({ oldValue: false, newValue: true, outcome: 'applied' });
  });

  it('logs an anonymous walk-in at the IT point, and refuses one in a village not covered', async () => {
    const [ok, outside, noVillage] = await push(t, 'demo.volunteer', [
      command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn Trà Kiểm'), place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5 }),
      command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn Vàng'), place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5 }),
      command('support_act.log', { id: crypto.randomUUID(), place: 'it_point', kinds: ['other'], durationMinutes: 5 }),
    ]);
    expect(ok!.status).toBe('applied');
    expect(outside).toMatchObject({ status: 'needs_attention', reason: { code: 'VILLAGE_NOT_FOUND' } });
    expect(noVillage).toMatchObject({ status: 'needs_attention', reason: { code: 'VILLAGE_REQUIRED' } });
    const log = (await t.app.inject({ url: '/api/outreach/support-acts?limit=5', headers: await as('demo.teamlead') })).json();
    expect(log.items[0]).toMatchObject({ place: 'it_point', personId: null, memberName: 'Võ Minh Tuấn' });
  });
});

describe('assisted submission with consent by one-time code', () => {
  it('sends a code to the citizen, checks it, files the dossier online on behalf of a volunteer, and keeps the consent with it', async () => {
    const citizen = await personWithPhone('0900000001');
    const vol = await as('demo.volunteer');
    const ask = await t.app.inject({
      method: 'POST', url: '/api/outreach/consents', headers: vol,
      payload: {
        personId: citizen.id, subject: { fullName: citizen.full_name, phone: '0900000001' }, procedureCode: DEMO_PROCEDURE, method: 'otp',
        purposes: [{ code: 'assisted_submission', accepted: true }, { code: 'personal_data_processing', accepted: true }, { code: 'follow_up_contact', accepted: false }],
      },
    });
    expect(ask.statusCode).toBe(201);
    const consent = ask.json();
    expect(consent).toMatchObject({ status: 'awaiting_code', method: 'otp' });
    expect(consent.noticeVi).toContain('KHÔNG ĐỒNG Ý');
    expect(consent.devCode).toMatch(/^\d{6}$/);
    const sms = await queryOne<{ payload: { template: string; recipient: { phone: string }; params: { code: string } } }>(t.deps.db, sql`select payload from outbox_messages where subject_ref = ${`consent:${consent.id}`}`);
    expect(sms!.payload).toMatchObject({ template: 'consent.otp', recipient: { phone: '0900000001' }, params: { code: consent.devCode } });

    const dossier = { procedureCode: DEMO_PROCEDURE, applicant: { fullName: citizen.full_name, idNumber: '051090012345', phone: '0900000001' }, fields: await validFields(t) };
    const early = await t.app.inject({ method: 'POST', url: '/api/outreach/assisted-submissions', headers: vol, payload: { consentId: consent.id, dossier } });
    expect(early.json().error.code).toBe('CONSENT_NOT_GIVEN');
    const wrong = await t.app.inject({ method: 'POST', url: `/api/outreach/consents/${consent.id}/verify`, headers: vol, payload: { code: consent.devCode === '000000' ? '111111' : '000000' } });
    expect(wrong.json().error.code).toBe('CONSENT_CODE_WRONG');
    const given = await t.app.inject({ method: 'POST', url: `/api/outreach/consents/${consent.id}/verify`, headers: vol, payload: { code: consent.devCode } });
    expect(given.json()).toMatchObject({ status: 'given', evidenceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const filed = await t.app.inject({ method: 'POST', url: '/api/outreach/assisted-submissions', headers: vol, payload: { consentId: consent.id, dossier, place: 'door_to_door' } });
    expect(filed.statusCode).toBe(201);
    const code = filed.json().dossier.code as string;
    const view = (await t.app.inject({ url: `/api/dossiers/${encodeURIComponent(code)}`, headers: await as('demo.officer') })).json();
    expect(view).toMatchObject({ channel: 'online', onBehalf: 'volunteer' });
    const stored = (await t.app.inject({ url: `/api/outreach/dossiers/${encodeURIComponent(code)}/consent`, headers: await as('demo.officer') })).json();
    expect(stored).toMatchObject({ id: consent.id, method: 'otp', status: 'given', dossierCode: code });
    expect(stored.purposes.filter((p: { accepted: boolean }) => p.accepted).map((p: { code: string }) => p.code)).toEqual(['assisted_submission', 'personal_data_processing']);

    const retry = await t.app.inject({ method: 'POST', url: '/api/outreach/assisted-submissions', headers: vol, payload: { consentId: consent.id, dossier, place: 'door_to_door' } });
    expect(retry.json()).toMatchObject({ dossier: { code }, supportActId: filed.json().supportActId });
    const dossiers = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from dossiers where idempotency_key = ${`consent-${consent.id}`}`);
    expect(dossiers!.n).toBe(1);
    const act = (await t.app.inject({ url: '/api/outreach/support-acts?limit=20', headers: await as('demo.teamlead') })).json().items.find((a: { dossierCode: string }) => a.dossierCode === code);
    expect(act).toMatchObject({ kinds: ['dossier_submitted_online'], personId: citizen.id, place: 'door_to_door' });
  });

  it("refuses a consent used for someone else's dossier and a citizen signing themselves in", async () => {
    const citizen = await personWithPhone('0900000002');
    const vol = await as('demo.volunteer');
    const ask = (await t.app.inject({
      method: 'POST', url: '/api/outreach/consents', headers: vol,
      payload: { personId: citizen.id, subject: { fullName: citizen.full_name, phone: '0900000002' }, method: 'otp', purposes: [{ code: 'assisted_submission', accepted: true }, { code: 'personal_data_processing', accepted: true }] },
    })).json();
    await t.app.inject({ method: 'POST', url: `/api/outreach/consents/${ask.id}/verify`, headers: vol, payload: { code: ask.devCode } });
    const other = { procedureCode: DEMO_PROCEDURE, applicant: { fullName: 'Người Khác', idNumber: '051090099999', phone: '0900000003' }, fields: await validFields(t) };
    const res = await t.app.inject({ method: 'POST', url: '/api/outreach/assisted-submissions', headers: vol, payload: { consentId: ask.id, dossier: other } });
    expect(res.json().error.code).toBe('CONSENT_OTHER_PERSON');
    const byLeader = await t.app.inject({ method: 'POST', url: '/api/outreach/assisted-submissions', headers: await as('demo.leader'), payload: { consentId: ask.id, dossier: other } });
    expect(byLeader.statusCode).toBe(403);
  });
});

describe('consent by a signature drawn on screen', () => {
  it('waits for the signature upload, then counts as given with the image hash as proof', async () => {
    const citizen = await personWithPhone('0900000004');
    const vol = await as('demo.volunteer');
    const signatureId = crypto.randomUUID();
    const ask = (await t.app.inject({
      method: 'POST', url: '/api/outreach/consents', headers: vol,
      payload: { personId: citizen.id, subject: { fullName: citizen.full_name, phone: '0900000004' }, method: 'signature', signatureAttachmentId: signatureId, purposes: [{ code: 'assisted_submission', accepted: true }, { code: 'personal_data_processing', accepted: true }] },
    })).json();
    expect(ask.status).toBe('awaiting_signature');
    const notPng = await t.app.inject({ method: 'PUT', url: `/api/sync/attachments/${signatureId}`, headers: { ...vol, 'content-type': 'image/png' }, payload: Buffer.from('not an image, just text pretending') });
    expect(notPng.statusCode).toBe(422);
    const asJson = await t.app.inject({ method: 'PUT', url: `/api/sync/attachments/${signatureId}`, headers: vol, payload: { image: 'base64…' } });
    expect(asJson.statusCode).toBe(415);
    const up = await t.app.inject({ method: 'PUT', url: `/api/sync/attachments/${signatureId}`, headers: { ...vol, 'content-type': 'image/png' }, payload: PNG });
    expect(up.json()).toMatchObject({ created: true, consentsCompleted: 1 });
    const again = await t.app.inject({ method: 'PUT', url: `/api/sync/attachments/${signatureId}`, headers: { ...vol, 'content-type': 'image/png' }, payload: PNG });
    expect(again.json()).toMatchObject({ created: false, consentsCompleted: 0 });
    const view = (await t.app.inject({ url: `/api/outreach/consents/${ask.id}`, headers: vol })).json();
    expect(view).toMatchObject({ status: 'given', signatureSha256: up.json().sha256 });
    const image = await t.app.inject({ url: `/api/sync/attachments/${signatureId}`, headers: await as('demo.teamlead') });
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const stranger = await t.app.inject({ url: `/api/sync/attachments/${signatureId}`, headers: await as('tcns.duy') });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('campaigns', () => {
  it('shows live progress per village from the support log and assisted dossiers', async () => {
    const lead = await as('demo.teamlead');
    // Local dates run up to 7 hours ahead of UTC: a window from two days ago to two days ahead holds "now" either way.
    const end = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const traKiem = villages.get('Thôn Trà Kiểm')!;
    const start = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await t.app.inject({
      method: 'POST', url: `/api/communes/${DEMO_COMMUNE_CODE}/campaigns`, headers: lead,
      payload: { name: 'Thử nghiệm tiến độ', startsOn: start, endsOn: end, targets: [{ villageId: traKiem, metric: 'accounts_created', target: 10 }, { villageId: traKiem, metric: 'online_dossiers', target: 4 }] },
    });
    expect(created.statusCode).toBe(201);
    const before = created.json().villages[0].metrics.find((m: { metric: string }) => m.metric === 'accounts_created').achieved;
    const walkIn = (kinds: string[], outcome = 'done') => command('support_act.log', { id: crypto.randomUUID(), villageId: traKiem, place: 'it_point', kinds, outcome, durationMinutes: 10 });
    await push(t, 'demo.volunteer', [walkIn(['account_created']), walkIn(['account_created']), walkIn(['account_created'], 'not_done')]);
    const after = (await t.app.inject({ url: `/api/campaigns/${created.json().id}`, headers: await as('demo.province') })).json();
    const accounts = after.villages[0].metrics.find((m: { metric: string }) => m.metric === 'accounts_created');
    expect(accounts).toMatchObject({ achieved: before + 2, target: 10, percent: Math.round(((before + 2) * 100) / 10) });
    // The assisted dossier filed above (Thôn Trà Kiểm, today) counts once, through its support act.
    const assisted = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from consents where dossier_code is not null and village_id = ${traKiem}`);
    expect(assisted!.n).toBeGreaterThanOrEqual(1);
    expect(after.villages[0].metrics.find((m: { metric: string }) => m.metric === 'online_dossiers').achieved).toBe(assisted!.n);
    const byVolunteer = await t.app.inject({ method: 'POST', url: `/api/communes/${DEMO_COMMUNE_CODE}/campaigns`, headers: await as('demo.volunteer'), payload: { name: 'Không được', startsOn: start, endsOn: end } });
    expect(byVolunteer.statusCode).toBe(403);
  });

  it('has a demo summer peak matching the dossier demo (8 Aug – 10 Oct) and a campaign running now, both with progress', async () => {
    const items = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/campaigns`, headers: await as('demo.leader') })).json().items;
    const peak = items.find((c: { startsOn: string }) => c.startsOn.endsWith('-08-08'));
    expect(peak.endsOn.endsWith('-10-10')).toBe(true);
    expect(peak.totals.every((m: { achieved: number }) => m.achieved > 0)).toBe(true);
    expect(items.some((c: { status: string }) => c.status === 'running')).toBe(true);
  });
});

describe('announcements', () => {
  it('are composed once and published to the bulletin, the residents\' phones, a leaflet and a loudspeaker script', async () => {
    const lead = await as('demo.teamlead');
    const traKiem = villages.get('Thôn Trà Kiểm')!;
    const draft = await t.app.inject({
      method: 'POST', url: `/api/communes/${DEMO_COMMUNE_CODE}/announcements`, headers: lead,
      payload: { kind: 'scam_warning', title: 'Tin nhắn giả mạo ngân hàng', body: 'Ngày 20/11 có 2 người nhận tin nhắn giả ngân hàng đòi 500.000 đồng. Không bấm đường dẫn lạ.', villageIds: [traKiem], contactPhone: '0905200002' },
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect((await t.app.inject({ url: `/api/public/announcements/${id}` })).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'POST', url: `/api/announcements/${id}/publish`, headers: lead, payload: { notify: true } });
    expect(published.statusCode).toBe(200);
    const phones = await queryRows<{ phone: string }>(t.deps.db, sql`select distinct phone from household_people where village_id = ${traKiem} and phone is not null and deleted_at is null`);
    expect(published.json().notifiedCount).toBe(phones.length);
    const queued = await queryRows<{ template: string }>(t.deps.db, sql`select payload->>'template' as template from outbox_messages where subject_ref = ${`announcement:${id}`}`);
    expect(queued).toHaveLength(phones.length);
    expect(queued.every((q) => q.template === 'announcement.scam_warning')).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/announcements/${id}/publish`, headers: lead, payload: {} })).statusCode).toBe(409);

    const board = (await t.app.inject({ url: `/api/public/communes/${DEMO_COMMUNE_CODE}/announcements?kind=scam_warning` })).json().items;
    expect(board[0]).toMatchObject({ id, title: 'Tin nhắn giả mạo ngân hàng' });
    const pdf = await t.app.inject({ url: `/api/public/announcements/${id}/leaflet.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload, { qrPages: [1] });
    expect(read.text).toContain('CẢNH BÁO LỪA ĐẢO');
    expect(read.text).toContain('Tin nhắn giả mạo ngân hàng');
    expect(read.qrCodes[0]).toContain(`/bang-tin/${DEMO_COMMUNE_CODE}`);
    const script = await t.app.inject({ url: `/api/public/announcements/${id}/read-aloud.txt` });
    expect(script.body).toContain('ngày hai mươi tháng mười một');
    expect(script.body).toContain('năm trăm nghìn đồng');
    expect(script.body).not.toMatch(/\d/);
  });

  it('are written only by a team leader or the commune leadership', async () => {
    const res = await t.app.inject({
      method: 'POST', url: `/api/communes/${DEMO_COMMUNE_CODE}/announcements`, headers: await as('demo.volunteer'),
      payload: { kind: 'general', title: 'Thông báo', body: 'Nội dung đủ dài để hợp lệ.' },
    });
    expect(res.statusCode).toBe(403);
  });
});
