import { and, eq, sql } from 'drizzle-orm';
import type { Actor, StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, forbidden, notFound, unauthorized, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { maskPhone } from '../../shared/validation';
import { assertCommuneAccess, listVillages, provinceOfCommune } from '../admin-units';
import { hashPassword, staffAccounts } from '../auth';
import type { CreateMemberBody } from './teams.contracts';
import * as repo from './teams.repo';
import { teamMembers, teamPairs, teams, type TeamMemberRow, type TeamRow } from './teams.schema';
import { assertCommuneTeamManager, COMMUNE_WIDE_ROLES, findActiveMemberByAccount } from './scope';

export const teamNotFound = () => notFound('TEAM_NOT_FOUND', { vi: 'Không tìm thấy tổ công nghệ số', en: 'No such team' });
export const memberNotFound = () => notFound('TEAM_MEMBER_NOT_FOUND', { vi: 'Không tìm thấy thành viên', en: 'No such team member' });

/** Commune overseers and the commune's team members read the team list (phones masked). */
export function assertCanReadTeams(actor: Actor | undefined, communeCode: string): StaffActor {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, communeCode);
  if (!COMMUNE_WIDE_ROLES.includes(actor.role) && actor.role !== 'volunteer') throw forbidden();
  return actor;
}

/** The commune's overseers, or the leader of this very team (pairs, shifts, contacts). */
export async function assertTeamManager(deps: AppDeps, actor: Actor | undefined, team: TeamRow): Promise<StaffActor> {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, team.communeCode);
  if (COMMUNE_WIDE_ROLES.includes(actor.role)) return actor;
  const member = await findActiveMemberByAccount(deps, actor.accountId);
  if (member?.teamId === team.id && member.isLeader) return actor;
  throw forbidden();
}

export async function getTeam(deps: AppDeps, actor: Actor | undefined, id: string): Promise<TeamRow> {
  const team = await repo.selectTeam(deps.db, id);
  if (!team || actor?.kind !== 'staff' || !actor.communeCode || actor.communeCode !== team.communeCode) throw teamNotFound();
  return team;
}

export async function listTeams(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  assertCanReadTeams(actor, communeCode);
  const rows = await repo.selectTeams(deps.db, communeCode);
  return Promise.all(rows.map((t) => describeTeam(deps, t)));
}

export async function describeTeam(deps: AppDeps, team: TeamRow) {
  const members = await repo.selectMembers(deps.db, [team.id]);
  const villages = await repo.selectVillagesOfMembers(deps.db, members.map((m) => m.id));
  const pairs = await repo.selectPairs(deps.db, [team.id]);
  return {
    id: team.id, communeCode: team.communeCode, name: team.name,
    members: members.map((m) => toMemberView(m, villages.filter((v) => v.memberId === m.id).map((v) => v.villageId))),
    pairs: pairs.map((p) => ({ id: p.id, villageId: p.villageId, memberIds: [p.memberAId, p.memberBId] })),
  };
}

export function toMemberView(m: TeamMemberRow & { username?: string | null }, villageIds: string[], revealPhone = false) {
  return {
    id: m.id, teamId: m.teamId, fullName: m.fullName, phone: m.phone ? (revealPhone ? m.phone : maskPhone(m.phone)) : null,
    background: m.background, isLeader: m.isLeader, active: m.active, username: m.username ?? null, villageIds,
  };
}

export async function createTeam(deps: AppDeps, actor: Actor | undefined, communeCode: string, name: string) {
  assertCommuneTeamManager(actor, communeCode);
  const now = deps.now();
  const row = { id: crypto.randomUUID(), communeCode, name, createdAt: now, updatedAt: now };
  await deps.db.transaction(async (tx) => {
    await tx.insert(teams).values(row);
    await writeAudit(tx, actor, now, { action: 'team.create', entity: 'team', entityId: row.id, communeCode, details: { name } });
  });
  return describeTeam(deps, { ...row, deletedAt: null });
}

/** A member signs in with a volunteer account: a new one, or an existing unlinked one of the commune. */
export async function addMember(deps: AppDeps, actor: Actor | undefined, teamId: string, body: CreateMemberBody) {
  const team = await getTeam(deps, actor, teamId);
  assertCommuneTeamManager(actor, team.communeCode);
  await assertVillagesOfCommune(deps, team.communeCode, body.villageIds);
  const now = deps.now();
  const memberId = crypto.randomUUID();
  const accountId = 'existingUsername' in body.account
    ? await findLinkableAccount(deps, team.communeCode, body.account.existingUsername)
    : undefined;
  const passwordHash = 'password' in body.account ? await hashPassword(body.account.password) : undefined;
  await deps.db.transaction(async (tx) => {
    let staffId = accountId;
    if (!staffId && 'username' in body.account) {
      staffId = crypto.randomUUID();
      const inserted = await tx.insert(staffAccounts).values({
        id: staffId, username: body.account.username, passwordHash: passwordHash!, fullName: body.fullName, role: 'volunteer',
        communeCode: team.communeCode, provinceCode: provinceOfCommune(team.communeCode) ?? '', phone: body.phone ?? null, createdAt: now,
      }).onConflictDoNothing().returning({ id: staffAccounts.id });
      if (inserted.length === 0) throw conflict('USERNAME_TAKEN', { vi: 'Tên đăng nhập đã có người dùng', en: 'This username is taken' });
    }
    await tx.insert(teamMembers).values({
      id: memberId, teamId, communeCode: team.communeCode, fullName: body.fullName, phone: body.phone ?? null, background: body.background,
      staffAccountId: staffId ?? null, isLeader: body.isLeader, active: true, createdAt: now, updatedAt: now,
    });
    await repo.replaceMemberVillages(tx, memberId, body.villageIds);
    await writeAudit(tx, actor, now, { action: 'team.member.add', entity: 'team_member', entityId: memberId, communeCode: team.communeCode });
  });
  return (await describeTeam(deps, team)).members.find((m) => m.id === memberId)!;
}

async function findLinkableAccount(deps: AppDeps, communeCode: string, username: string): Promise<string> {
  const [account] = await deps.db.select().from(staffAccounts).where(and(eq(staffAccounts.username, username), eq(staffAccounts.communeCode, communeCode)));
  if (!account || account.role !== 'volunteer') {
    throw unprocessable('ACCOUNT_NOT_VOLUNTEER', { vi: 'Không có tài khoản tình nguyện viên với tên này trong xã', en: 'No volunteer account with this username in the commune' });
  }
  const [linked] = await deps.db.select({ id: teamMembers.id }).from(teamMembers).where(eq(teamMembers.staffAccountId, account.id));
  if (linked) throw conflict('ACCOUNT_ALREADY_MEMBER', { vi: 'Tài khoản này đã là thành viên một tổ', en: 'This account is already a team member' });
  return account.id;
}

export async function assertVillagesOfCommune(deps: AppDeps, communeCode: string, villageIds: string[]): Promise<void> {
  const live = new Set((await listVillages(deps, communeCode)).map((v) => v.id));
  const unknown = villageIds.filter((id) => !live.has(id));
  if (unknown.length) {
    throw unprocessable('UNKNOWN_VILLAGE', { vi: 'Có thôn/tổ dân phố không thuộc xã này', en: 'Some villages are not in this commune' });
  }
}

export async function getMemberOfTeamCommune(deps: AppDeps, actor: Actor | undefined, memberId: string) {
  const member = await repo.selectMember(deps.db, memberId);
  if (!member) throw memberNotFound();
  const team = await getTeam(deps, actor, member.teamId).catch(() => {
    throw memberNotFound();
  });
  return { member, team };
}

export async function updateMember(deps: AppDeps, actor: Actor | undefined, memberId: string, patch: Partial<Pick<TeamMemberRow, 'fullName' | 'phone' | 'background' | 'isLeader' | 'active'>>) {
  const { team } = await getMemberOfTeamCommune(deps, actor, memberId);
  assertCommuneTeamManager(actor, team.communeCode);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(teamMembers).set({ ...patch, updatedAt: now }).where(eq(teamMembers.id, memberId));
    await writeAudit(tx, actor, now, { action: 'team.member.update', entity: 'team_member', entityId: memberId, communeCode: team.communeCode, details: { fields: Object.keys(patch) } });
  });
  return (await describeTeam(deps, team)).members.find((m) => m.id === memberId)!;
}

export async function setMemberVillages(deps: AppDeps, actor: Actor | undefined, memberId: string, villageIds: string[]) {
  const { team } = await getMemberOfTeamCommune(deps, actor, memberId);
  assertCommuneTeamManager(actor, team.communeCode);
  await assertVillagesOfCommune(deps, team.communeCode, villageIds);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.replaceMemberVillages(tx, memberId, [...new Set(villageIds)]);
    await tx.update(teamMembers).set({ updatedAt: now }).where(eq(teamMembers.id, memberId));
    await writeAudit(tx, actor, now, { action: 'team.member.villages', entity: 'team_member', entityId: memberId, communeCode: team.communeCode, details: { villageIds } });
  });
  return (await describeTeam(deps, team)).members.find((m) => m.id === memberId)!;
}

/** "2 trong 1": both members must belong to the team and cover the village. */
export async function createPair(deps: AppDeps, actor: Actor | undefined, teamId: string, villageId: string, memberIds: [string, string]) {
  const team = await getTeam(deps, actor, teamId);
  await assertTeamManager(deps, actor, team);
  if (memberIds[0] === memberIds[1]) throw unprocessable('PAIR_NEEDS_TWO', { vi: 'Một cặp gồm hai thành viên khác nhau', en: 'A pair is two different members' });
  const members = await repo.selectMembers(deps.db, [teamId]);
  const covered = await repo.selectVillagesOfMembers(deps.db, memberIds);
  for (const id of memberIds) {
    if (!members.some((m) => m.id === id && m.active)) throw memberNotFound();
    if (!covered.some((c) => c.memberId === id && c.villageId === villageId)) {
      throw unprocessable('MEMBER_NOT_IN_VILLAGE', { vi: 'Thành viên chưa được phân công thôn này', en: 'The member does not cover this village' });
    }
  }
  const row = { id: crypto.randomUUID(), teamId, villageId, memberAId: memberIds[0], memberBId: memberIds[1], createdAt: deps.now() };
  await deps.db.insert(teamPairs).values(row);
  return { id: row.id, villageId, memberIds: [...memberIds] };
}

export async function deletePair(deps: AppDeps, actor: Actor | undefined, pairId: string): Promise<void> {
  const [pair] = await deps.db.select().from(teamPairs).where(and(eq(teamPairs.id, pairId), sql`${teamPairs.deletedAt} is null`));
  if (!pair) throw notFound('PAIR_NOT_FOUND', { vi: 'Không tìm thấy cặp thành viên', en: 'No such pair' });
  const team = await getTeam(deps, actor, pair.teamId).catch(() => {
    throw notFound('PAIR_NOT_FOUND', { vi: 'Không tìm thấy cặp thành viên', en: 'No such pair' });
  });
  await assertTeamManager(deps, actor, team);
  await deps.db.update(teamPairs).set({ deletedAt: deps.now() }).where(eq(teamPairs.id, pairId));
}
