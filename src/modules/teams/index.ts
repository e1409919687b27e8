/** Public surface of the teams module (Tổ công nghệ số cộng đồng): other modules import only from here. */
export { registerTeamsRoutes } from './teams.routes';
export {
  resolveFieldScope, assertVillageInScope, isVillageInScope, assertCanResolveConflicts, assertCommuneTeamManager,
  findActiveMemberByAccount, COMMUNE_WIDE_ROLES, type FieldScope,
} from './scope';
export { seedDemoTeam, DEMO_TEAM_MEMBERS } from './demo/seed-demo-team';
export { teams, teamMembers, teamMemberVillages, teamPairs, itPoints, dutyShifts, dutyShiftMembers, villageContacts, memberBackgrounds } from './teams.schema';
export { listOccurrences, WEEKDAY_LABELS } from './shift-schedule';
export { countTeamStrength } from './teams.repo';
