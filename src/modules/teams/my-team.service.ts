import type { Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { listVillages } from '../admin-units';
import * as repo from './teams.repo';
import { resolveFieldScope } from './scope';
import { expandShifts, upcomingContext } from './shifts.service';
import { toMemberView } from './teams.service';

/**
 * What the field app shows first: who I am in the team, my villages, my "2 trong 1"
 * partners (with their phone: the pair must be able to call each other) and my next shifts.
 */
export async function getMyTeam(deps: AppDeps, actor: Actor | undefined) {
  const scope = await resolveFieldScope(deps, actor);
  if (!scope.member) throw notFound('NOT_A_TEAM_MEMBER', { vi: 'Bạn chưa thuộc tổ công nghệ số nào', en: 'You are not a member of a team' });
  const me = scope.member;
  const team = (await repo.selectTeam(deps.db, me.teamId))!;
  const members = await repo.selectMembers(deps.db, [team.id]);
  const coverage = await repo.selectVillagesOfMembers(deps.db, members.map((m) => m.id));
  const villages = (await listVillages(deps, scope.communeCode)).filter((v) => scope.villageIds.includes(v.id));
  const pairs = (await repo.selectPairs(deps.db, [team.id])).filter((p) => p.memberAId === me.id || p.memberBId === me.id);
  const partners = pairs.flatMap((p) => {
    const other = members.find((m) => m.id === (p.memberAId === me.id ? p.memberBId : p.memberAId));
    return other?.active ? [{ villageId: p.villageId, memberId: other.id, fullName: other.fullName, phone: other.phone }] : [];
  });
  const points = await repo.selectItPoints(deps.db, scope.communeCode);
  const shifts = (await repo.selectShifts(deps.db, scope.communeCode)).filter((s) => s.memberIds.includes(me.id));
  const ctx = await upcomingContext(deps, scope.communeCode, 28);
  const self = members.find((m) => m.id === me.id)!;
  return {
    member: toMemberView(self, coverage.filter((c) => c.memberId === me.id).map((c) => c.villageId), true),
    team: { id: team.id, name: team.name },
    villages: villages.map((v) => ({ id: v.id, name: v.name })),
    partners,
    nextShifts: expandShifts(shifts, ctx, (m) => m.fullName).map(({ shiftId: _s, itPointId, ...rest }) => ({
      ...rest, itPointName: points.find((p) => p.id === itPointId)?.name ?? '',
    })),
  };
}
