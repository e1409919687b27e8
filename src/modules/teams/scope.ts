import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, StaffActor, StaffRole } from '../../platform/auth';
import { forbidden, notFound, unauthorized } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assertCommuneAccess, listVillages } from '../admin-units';
import { teamMembers, teamMemberVillages, type TeamMemberRow } from './teams.schema';

/** Commune staff who oversee the team and see every village (the People's Committee, ND 224/2026 Art. 79). */
export const COMMUNE_WIDE_ROLES: readonly StaffRole[] = ['commune_admin', 'leader'];

export interface FieldScope {
  actor: StaffActor;
  communeCode: string;
  /** The live villages whose households, people and support acts this actor may see. */
  villageIds: string[];
  member: { id: string; teamId: string; isLeader: boolean; fullName: string } | null;
  communeWide: boolean;
  /** Team leaders and commune overseers settle edit conflicts. */
  canResolveConflicts: boolean;
}

/**
 * Who sees which household data (Decree 13/2023: access limited to what the task needs):
 * a member sees the villages they cover; a team leader the villages of their team;
 * the commune admin and leader the whole commune; no other role sees it.
 */
export async function resolveFieldScope(deps: AppDeps, actor: Actor | undefined): Promise<FieldScope> {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff' || !actor.communeCode) throw forbidden();
  const communeCode = actor.communeCode;
  const live = new Set((await listVillages(deps, communeCode)).map((v) => v.id));
  const member = await findActiveMemberByAccount(deps, actor.accountId);
  const memberRef = member ? { id: member.id, teamId: member.teamId, isLeader: member.isLeader, fullName: member.fullName } : null;
  if (COMMUNE_WIDE_ROLES.includes(actor.role)) {
    return { actor, communeCode, villageIds: [...live], member: memberRef, communeWide: true, canResolveConflicts: true };
  }
  if (actor.role !== 'volunteer') throw forbidden();
  if (!member || member.communeCode !== communeCode) {
    throw forbidden({ vi: 'Tài khoản chưa thuộc tổ công nghệ số cộng đồng nào', en: 'This account is not a member of a community digital team' });
  }
  const covered = member.isLeader ? await listTeamVillageIds(deps, member.teamId) : await listMemberVillageIds(deps, member.id);
  return {
    actor, communeCode, villageIds: covered.filter((id) => live.has(id)), member: memberRef,
    communeWide: false, canResolveConflicts: member.isLeader,
  };
}

export function isVillageInScope(scope: FieldScope, villageId: string): boolean {
  return scope.villageIds.includes(villageId);
}

/** Outside one's villages, a village looks absent (404), as another commune's data does. */
export function assertVillageInScope(scope: FieldScope, villageId: string): void {
  if (!isVillageInScope(scope, villageId)) {
    throw notFound('VILLAGE_NOT_FOUND', { vi: 'Không tìm thấy thôn/tổ dân phố trong địa bàn của bạn', en: 'No such village in your area' });
  }
}

export function assertCanResolveConflicts(scope: FieldScope): void {
  if (!scope.canResolveConflicts) {
    throw forbidden({ vi: 'Chỉ tổ trưởng hoặc lãnh đạo xã xử lý xung đột', en: 'Only a team leader or commune leadership resolves conflicts' });
  }
}

/** Team administration: the commune admin or leader of that commune. */
export function assertCommuneTeamManager(actor: Actor | undefined, communeCode: string): StaffActor {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, communeCode);
  if (!COMMUNE_WIDE_ROLES.includes(actor.role)) throw forbidden();
  return actor;
}

export async function findActiveMemberByAccount(deps: AppDeps, accountId: string): Promise<TeamMemberRow | undefined> {
  const [row] = await deps.db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.staffAccountId, accountId), eq(teamMembers.active, true)));
  return row;
}

export async function listMemberVillageIds(deps: AppDeps, memberId: string): Promise<string[]> {
  const rows = await deps.db.select({ v: teamMemberVillages.villageId }).from(teamMemberVillages).where(eq(teamMemberVillages.memberId, memberId));
  return rows.map((r) => r.v);
}

export async function listTeamVillageIds(deps: AppDeps, teamId: string): Promise<string[]> {
  const members = await deps.db.select({ id: teamMembers.id }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.active, true)));
  if (members.length === 0) return [];
  const rows = await deps.db
    .selectDistinct({ v: teamMemberVillages.villageId })
    .from(teamMemberVillages)
    .where(inArray(teamMemberVillages.memberId, members.map((m) => m.id)));
  return rows.map((r) => r.v);
}
