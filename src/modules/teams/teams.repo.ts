import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { staffAccounts } from '../auth';
import {
  dutyShiftMembers, dutyShifts, itPoints, teamMembers, teamMemberVillages, teamPairs, teams, villageContacts,
  type DutyShiftRow, type ItPointRow, type TeamMemberRow, type TeamRow,
} from './teams.schema';

export async function selectTeams(db: Db, communeCode: string): Promise<TeamRow[]> {
  return db.select().from(teams).where(and(eq(teams.communeCode, communeCode), isNull(teams.deletedAt)));
}

export async function selectTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(and(eq(teams.id, id), isNull(teams.deletedAt)));
  return row;
}

export async function selectMembers(db: Db, teamIds: string[]): Promise<(TeamMemberRow & { username: string | null })[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ m: teamMembers, username: staffAccounts.username })
    .from(teamMembers)
    .leftJoin(staffAccounts, eq(staffAccounts.id, teamMembers.staffAccountId))
    .where(inArray(teamMembers.teamId, teamIds));
  return rows.map((r) => ({ ...r.m, username: r.username }));
}

export async function selectMember(db: Db, id: string): Promise<TeamMemberRow | undefined> {
  const [row] = await db.select().from(teamMembers).where(eq(teamMembers.id, id));
  return row;
}

export async function selectVillagesOfMembers(db: Db, memberIds: string[]): Promise<{ memberId: string; villageId: string }[]> {
  if (memberIds.length === 0) return [];
  return db.select().from(teamMemberVillages).where(inArray(teamMemberVillages.memberId, memberIds));
}

export async function replaceMemberVillages(db: Db, memberId: string, villageIds: string[]): Promise<void> {
  await db.delete(teamMemberVillages).where(eq(teamMemberVillages.memberId, memberId));
  if (villageIds.length) await db.insert(teamMemberVillages).values(villageIds.map((villageId) => ({ memberId, villageId })));
}

export async function selectPairs(db: Db, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db.select().from(teamPairs).where(and(inArray(teamPairs.teamId, teamIds), isNull(teamPairs.deletedAt)));
}

export async function selectItPoints(db: Db, communeCode: string): Promise<ItPointRow[]> {
  return db.select().from(itPoints).where(and(eq(itPoints.communeCode, communeCode), isNull(itPoints.deletedAt)));
}

export async function selectItPoint(db: Db, id: string): Promise<ItPointRow | undefined> {
  const [row] = await db.select().from(itPoints).where(and(eq(itPoints.id, id), isNull(itPoints.deletedAt)));
  return row;
}

export async function selectShifts(db: Db, communeCode: string): Promise<(DutyShiftRow & { memberIds: string[] })[]> {
  const shifts = await db.select().from(dutyShifts).where(and(eq(dutyShifts.communeCode, communeCode), isNull(dutyShifts.deletedAt)));
  if (shifts.length === 0) return [];
  const members = await db.select().from(dutyShiftMembers).where(inArray(dutyShiftMembers.shiftId, shifts.map((s) => s.id)));
  return shifts.map((s) => ({ ...s, memberIds: members.filter((m) => m.shiftId === s.id).map((m) => m.memberId) }));
}

export async function selectShift(db: Db, id: string): Promise<DutyShiftRow | undefined> {
  const [row] = await db.select().from(dutyShifts).where(and(eq(dutyShifts.id, id), isNull(dutyShifts.deletedAt)));
  return row;
}

export async function selectVillageContacts(db: Db, communeCode: string) {
  return db.select().from(villageContacts).where(eq(villageContacts.communeCode, communeCode));
}

/** Live teams and their active members per commune (the strength of the Tổ công nghệ số, for the indicators). */
export async function countTeamStrength(db: Db, communeCodes: string[]): Promise<Map<string, { teams: number; members: number }>> {
  if (communeCodes.length === 0) return new Map();
  const rows = await db
    .select({ communeCode: teams.communeCode, teams: sql<number>`count(distinct ${teams.id})::int`, members: sql<number>`count(${teamMembers.id}) filter (where ${teamMembers.active})::int` })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(and(inArray(teams.communeCode, communeCodes), isNull(teams.deletedAt)))
    .groupBy(teams.communeCode);
  return new Map(rows.map((r) => [r.communeCode, { teams: r.teams, members: r.members }]));
}
