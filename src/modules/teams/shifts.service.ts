import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { findDayOffReason, getLocalMinutesOfDay, toLocalDate, type WorkingCalendar } from '../../shared/calendar';
import { sortByVietnamese } from '../../shared/text';
import { listVillages, requireCommuneRef } from '../admin-units';
import { getWorkingCalendar } from '../calendar';
import * as repo from './teams.repo';
import { dutyShiftMembers, dutyShifts, itPoints, villageContacts, type TeamMemberRow } from './teams.schema';
import { assertCommuneTeamManager } from './scope';
import { hasEnded, listOccurrences, WEEKDAY_LABELS } from './shift-schedule';
import { assertTeamManager, assertCanReadTeams, assertVillagesOfCommune, getTeam } from './teams.service';

const itPointNotFound = () => notFound('IT_POINT_NOT_FOUND', { vi: 'Không tìm thấy điểm hỗ trợ', en: 'No such IT point' });

export async function createItPoint(deps: AppDeps, actor: Actor | undefined, communeCode: string, body: { name: string; villageId: string | null; address?: string }) {
  assertCommuneTeamManager(actor, communeCode);
  if (body.villageId) await assertVillagesOfCommune(deps, communeCode, [body.villageId]);
  const row = { id: crypto.randomUUID(), communeCode, villageId: body.villageId, name: body.name, address: body.address ?? null, createdAt: deps.now() };
  await deps.db.insert(itPoints).values(row);
  return { id: row.id, villageId: row.villageId, name: row.name, address: row.address, shifts: [] };
}

export async function listItPoints(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  assertCanReadTeams(actor, communeCode);
  const points = await repo.selectItPoints(deps.db, communeCode);
  const shifts = await repo.selectShifts(deps.db, communeCode);
  return sortByVietnamese(points, (p) => p.name).map((p) => ({
    id: p.id, villageId: p.villageId, name: p.name, address: p.address,
    shifts: shifts.filter((s) => s.itPointId === p.id).map(toShiftView),
  }));
}

function toShiftView(s: Awaited<ReturnType<typeof repo.selectShifts>>[number]) {
  return { id: s.id, itPointId: s.itPointId, weekday: s.weekday, startTime: s.startTime, endTime: s.endTime, validFrom: s.validFrom, validUntil: s.validUntil, memberIds: s.memberIds };
}

/** Shifts are planned by the commune overseers or by the leader of the members' team. */
export async function createShift(
  deps: AppDeps,
  actor: Actor | undefined,
  itPointId: string,
  body: { weekday: number; startTime: string; endTime: string; memberIds: string[]; validFrom?: string; validUntil?: string | null },
) {
  const point = await repo.selectItPoint(deps.db, itPointId);
  if (!point || actor?.kind !== 'staff' || actor.communeCode !== point.communeCode) throw itPointNotFound();
  const members = await Promise.all([...new Set(body.memberIds)].map((id) => repo.selectMember(deps.db, id)));
  if (members.some((m) => !m || !m.active || m.communeCode !== point.communeCode) || members.length < 2) {
    throw unprocessable('SHIFT_MEMBERS_INVALID', { vi: 'Ca trực cần hai thành viên đang hoạt động của xã', en: 'A shift needs two active members of the commune' });
  }
  const teamIds = new Set(members.map((m) => m!.teamId));
  for (const teamId of teamIds) await assertTeamManager(deps, actor, await getTeam(deps, actor, teamId));
  const row = {
    id: crypto.randomUUID(), itPointId, communeCode: point.communeCode, weekday: body.weekday, startTime: body.startTime, endTime: body.endTime,
    validFrom: body.validFrom ?? toLocalDate(deps.now()), validUntil: body.validUntil ?? null, createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(dutyShifts).values(row);
    await tx.insert(dutyShiftMembers).values(members.map((m) => ({ shiftId: row.id, memberId: m!.id })));
  });
  return { ...toShiftView({ ...row, deletedAt: null, memberIds: members.map((m) => m!.id) }) };
}

export async function deleteShift(deps: AppDeps, actor: Actor | undefined, shiftId: string): Promise<void> {
  const shift = await repo.selectShift(deps.db, shiftId);
  if (!shift || actor?.kind !== 'staff' || actor.communeCode !== shift.communeCode) throw notFound('SHIFT_NOT_FOUND', { vi: 'Không tìm thấy ca trực', en: 'No such shift' });
  assertCommuneTeamManager(actor, shift.communeCode);
  await deps.db.update(dutyShifts).set({ deletedAt: deps.now() }).where(eq(dutyShifts.id, shiftId));
}

export async function setVillageContact(deps: AppDeps, actor: Actor | undefined, communeCode: string, villageId: string, body: { phone: string; label?: string }) {
  assertCommuneTeamManager(actor, communeCode);
  await assertVillagesOfCommune(deps, communeCode, [villageId]);
  const row = { villageId, communeCode, phone: body.phone, label: body.label ?? null, updatedAt: deps.now() };
  await deps.db.insert(villageContacts).values(row).onConflictDoUpdate({ target: villageContacts.villageId, set: { phone: row.phone, label: row.label, updatedAt: row.updatedAt } });
  return { villageId, phone: row.phone, label: row.label };
}

/** First names only on the public page: enough for "ask for Tuấn", nothing more (Decree 13/2023). */
function givenName(fullName: string): string {
  return fullName.trim().split(/\s+/).pop() ?? fullName;
}

interface UpcomingCtx {
  today: string;
  nowHhmm: string;
  days: number;
  calendar: WorkingCalendar;
  members: Map<string, TeamMemberRow>;
}

export function expandShifts(shifts: Awaited<ReturnType<typeof repo.selectShifts>>, ctx: UpcomingCtx, names: (m: TeamMemberRow) => string) {
  const out = shifts.flatMap((s) =>
    listOccurrences({ ...s }, ctx.today, ctx.days)
      .filter((date) => !hasEnded(date, s.endTime, ctx.today, ctx.nowHhmm))
      .map((date) => {
        const off = findDayOffReason(date, ctx.calendar);
        const label = WEEKDAY_LABELS[s.weekday]!;
        return {
          shiftId: s.id, itPointId: s.itPointId, date, weekdayVi: label.vi, weekdayEn: label.en, startTime: s.startTime, endTime: s.endTime,
          members: s.memberIds.map((id) => ctx.members.get(id)).filter((m): m is TeamMemberRow => !!m && m.active).map(names),
          closedReasonVi: off?.reasonVi ?? null, closedReasonEn: off?.reasonEn ?? null,
        };
      }),
  );
  return out.sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
}

export async function upcomingContext(deps: AppDeps, communeCode: string, days: number): Promise<UpcomingCtx> {
  const now = deps.now();
  const minutes = Math.floor(getLocalMinutesOfDay(now));
  const teams = await repo.selectTeams(deps.db, communeCode);
  const members = await repo.selectMembers(deps.db, teams.map((t) => t.id));
  return {
    today: toLocalDate(now), nowHhmm: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    days, calendar: await getWorkingCalendar(deps, communeCode), members: new Map(members.map((m) => [m.id, m])),
  };
}

/** The public page: per village, its IT points' next shifts and the number to call. */
export async function listPublicItPoints(deps: AppDeps, communeCode: string, days: number) {
  requireCommuneRef(communeCode);
  const [villages, points, shifts, contacts, ctx] = await Promise.all([
    listVillages(deps, communeCode), repo.selectItPoints(deps.db, communeCode), repo.selectShifts(deps.db, communeCode),
    repo.selectVillageContacts(deps.db, communeCode), upcomingContext(deps, communeCode, days),
  ]);
  const upcoming = expandShifts(shifts, ctx, (m) => givenName(m.fullName));
  const describe = (p: (typeof points)[number]) => ({
    name: p.name, address: p.address,
    nextShifts: upcoming.filter((u) => u.itPointId === p.id).map(({ shiftId: _s, itPointId: _p, ...rest }) => rest),
  });
  return {
    communeCode,
    villages: villages.map((v) => ({
      villageId: v.id, villageName: v.name, contactPhone: contacts.find((c) => c.villageId === v.id)?.phone ?? null,
      itPoints: points.filter((p) => p.villageId === v.id).map(describe),
    })),
    communePoints: points.filter((p) => !p.villageId).map(describe),
  };
}
