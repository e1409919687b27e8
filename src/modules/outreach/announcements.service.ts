import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, forbidden, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { toLocalDate } from '../../shared/calendar';
import { findCommuneRef, listVillages, requireCommuneRef } from '../admin-units';
import { householdPeople } from '../households';
import { resolveFieldScope } from '../teams';
import { renderLeaflet } from './leaflet';
import type { AnnouncementInput } from './outreach.contracts';
import { announcements, type AnnouncementRow } from './outreach.schema';
import { buildReadAloudScript } from '../../shared/field/read-aloud';

const announcementNotFound = () => notFound('ANNOUNCEMENT_NOT_FOUND', { vi: 'Không tìm thấy thông báo', en: 'No such announcement' });

export function bulletinUrl(deps: AppDeps, a: Pick<AnnouncementRow, 'id' | 'communeCode'>): string {
  return `${deps.config.publicBaseUrl}/bang-tin/${a.communeCode}#${a.id}`;
}

function toView(deps: AppDeps, a: AnnouncementRow) {
  return {
    id: a.id, communeCode: a.communeCode, kind: a.kind, title: a.title, body: a.body, villageIds: a.villageIds, contactPhone: a.contactPhone,
    status: a.status, channels: a.channels, notifiedCount: a.notifiedCount, createdByName: a.createdByName, createdAt: a.createdAt.toISOString(),
    publishedAt: a.publishedAt?.toISOString() ?? null, bulletinUrl: bulletinUrl(deps, a),
    leafletUrl: `/api/public/announcements/${a.id}/leaflet.pdf`, readAloudUrl: `/api/public/announcements/${a.id}/read-aloud.txt`,
  };
}

/** Announcements are written by the commune's overseers or a team leader. */
async function assertAuthor(deps: AppDeps, actor: Actor | undefined, communeCode?: string) {
  const scope = await resolveFieldScope(deps, actor);
  if (communeCode && scope.communeCode !== communeCode) throw notFound('COMMUNE_NOT_FOUND', { vi: 'Không tìm thấy xã', en: 'No such commune' });
  if (!scope.communeWide && !scope.member?.isLeader) throw forbidden({ vi: 'Chỉ tổ trưởng hoặc lãnh đạo xã soạn thông báo', en: 'Only a team leader or commune leadership writes announcements' });
  return scope;
}

export async function createAnnouncement(deps: AppDeps, actor: Actor | undefined, communeCode: string, input: AnnouncementInput) {
  const scope = await assertAuthor(deps, actor, communeCode);
  const live = new Set((await listVillages(deps, communeCode)).map((v) => v.id));
  if (input.villageIds.some((v) => !live.has(v))) throw notFound('VILLAGE_NOT_FOUND', { vi: 'Có thôn không thuộc xã này', en: 'Some villages are not in this commune' });
  const row = {
    id: crypto.randomUUID(), communeCode, kind: input.kind, title: input.title, body: input.body, villageIds: input.villageIds,
    contactPhone: input.contactPhone ?? null, status: 'draft' as const, channels: [], createdBy: scope.actor.accountId,
    createdByName: scope.member?.fullName ?? scope.actor.fullName, createdAt: deps.now(),
  };
  await deps.db.insert(announcements).values(row);
  return toView(deps, { ...row, notifiedCount: null, publishedAt: null });
}

/**
 * Publishes once to every channel: the public bulletin board (status), and, when asked,
 * one message per phone of the targeted villages' residents through the outbox, in the
 * same transaction. The leaflet and the loudspeaker script are generated from it on demand.
 */
export async function publishAnnouncement(deps: AppDeps, actor: Actor | undefined, id: string, notify: boolean) {
  const a = await findAnnouncement(deps, id);
  if (!a) throw announcementNotFound();
  const scope = await assertAuthor(deps, actor);
  if (scope.communeCode !== a.communeCode) throw announcementNotFound();
  const now = deps.now();
  const phones = notify ? await recipientPhones(deps, a) : [];
  const communeName = findCommuneRef(a.communeCode)?.fullName ?? a.communeCode;
  await deps.db.transaction(async (tx) => {
    const claimed = await tx.update(announcements).set({ status: 'published', publishedAt: now, channels: notify ? ['bulletin', 'notifications', 'leaflet', 'loudspeaker'] : ['bulletin', 'leaflet', 'loudspeaker'], notifiedCount: phones.length })
      .where(and(eq(announcements.id, id), eq(announcements.status, 'draft'))).returning({ id: announcements.id });
    if (claimed.length === 0) throw conflict('ALREADY_PUBLISHED', { vi: 'Thông báo đã được đăng', en: 'The announcement is already published' });
    const template = a.kind === 'scam_warning' ? 'announcement.scam_warning' : 'announcement';
    for (let i = 0; i < phones.length; i += 500) {
      await enqueueOutbox(tx, now, phones.slice(i, i + 500).map((phone) => ({
        topic: 'notification.send', communeCode: a.communeCode, subjectRef: `announcement:${id}`,
        payload: { template, recipient: { phone }, params: { commune: communeName, title: a.title, link: bulletinUrl(deps, a) } },
      })));
    }
    await writeAudit(tx, scope.actor, now, { action: 'announcement.publish', entity: 'announcement', entityId: id, communeCode: a.communeCode, details: { recipients: phones.length } });
  });
  return toView(deps, (await findAnnouncement(deps, id))!);
}

/** Distinct phones of the people of the targeted villages (the whole commune when none). */
async function recipientPhones(deps: AppDeps, a: AnnouncementRow): Promise<string[]> {
  const where = [eq(householdPeople.communeCode, a.communeCode), isNull(householdPeople.deletedAt), isNotNull(householdPeople.phone)];
  if (a.villageIds.length) where.push(inArray(householdPeople.villageId, a.villageIds));
  const rows = await deps.db.selectDistinct({ phone: householdPeople.phone }).from(householdPeople).where(and(...where));
  return rows.map((r) => r.phone!).sort();
}

async function findAnnouncement(deps: AppDeps, id: string): Promise<AnnouncementRow | undefined> {
  const [row] = await deps.db.select().from(announcements).where(eq(announcements.id, id));
  return row;
}

export async function listAnnouncements(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  await assertAuthor(deps, actor, communeCode);
  const rows = await deps.db.select().from(announcements).where(eq(announcements.communeCode, communeCode)).orderBy(desc(announcements.createdAt));
  return rows.map((a) => toView(deps, a));
}

/** The public bulletin board: published announcements, newest first. */
export async function listBulletin(deps: AppDeps, communeCode: string, kind?: string) {
  requireCommuneRef(communeCode);
  const where = [eq(announcements.communeCode, communeCode), eq(announcements.status, 'published')];
  if (kind) where.push(eq(announcements.kind, kind as AnnouncementRow['kind']));
  const rows = await deps.db.select().from(announcements).where(and(...where)).orderBy(desc(announcements.publishedAt)).limit(50);
  return rows.map((a) => toView(deps, a));
}

async function getPublished(deps: AppDeps, id: string): Promise<AnnouncementRow> {
  const a = await findAnnouncement(deps, id);
  if (!a || a.status !== 'published') throw announcementNotFound();
  return a;
}

export async function getPublicAnnouncement(deps: AppDeps, id: string) {
  return toView(deps, await getPublished(deps, id));
}

export async function leafletOf(deps: AppDeps, id: string): Promise<Buffer> {
  const a = await getPublished(deps, id);
  const commune = findCommuneRef(a.communeCode);
  return renderLeaflet(a, { communeName: commune?.fullName ?? a.communeCode, placeName: commune?.name ?? '', bulletinUrl: bulletinUrl(deps, a) });
}

export async function readAloudOf(deps: AppDeps, id: string): Promise<string> {
  const a = await getPublished(deps, id);
  const local = toLocalDate(a.publishedAt!);
  return buildReadAloudScript(
    { communeName: findCommuneRef(a.communeCode)?.fullName ?? a.communeCode, kind: a.kind, title: a.title, body: a.body, contactPhone: a.contactPhone, publishedAt: a.publishedAt! },
    { day: Number(local.slice(8, 10)), month: Number(local.slice(5, 7)), year: Number(local.slice(0, 4)) },
  );
}
