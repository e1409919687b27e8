import { inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { isWorkingDay, makeLocalInstant, toLocalDate, type WorkingCalendar } from '../../../shared/calendar';
import { deriveState, nationalStatusCode } from '../../../shared/dossier';
import { DEMO_COMMUNE_CODE, findCommune, listCommunesOfProvince, listVillages } from '../../admin-units';
import { DEMO_CITIZEN_PHONES, staffAccounts, upsertCitizen } from '../../auth';
import { getWorkingCalendar } from '../../calendar';
import { listProcedures, getEffectiveProcedure } from '../../procedures';
import { formatDossierCode, localDayKey } from '../dossier-code';
import { dossierActions, dossierCodeCounters, dossiers } from '../dossiers.schema';
import { fillDemoFields } from './demo-fields';
import { planDemoActions } from './lifecycle';
import { makePerson } from './people';
import { createRandom, type Random } from './random';

const DAY = 24 * 3600_000;
/** The community team's two-month push (issue: "8 Aug to 10 Oct"), visible as a bump in the online rate. */
const CAMPAIGN = { from: '-08-08', to: '-10-10' };

/** How a commune's year goes: volume, where the online share starts and how far it climbs, a campaign or not. */
interface CommuneProfile {
  code: string;
  seed: number;
  volume: number;
  startShare: number;
  growth: number;
  campaign: boolean;
}

/** The demo commune: the online share climbs from ~15% to ~60% (the example commune). */
const DEMO_PROFILE: Omit<CommuneProfile, 'code'> = { seed: 20251122, volume: 1, startShare: 0.15, growth: 0.45, campaign: true };

/** Neighbours of the same province, so that the province view has communes to rank: slower, faster, no campaign. */
const NEIGHBOUR_PROFILES: Omit<CommuneProfile, 'code'>[] = [
  { seed: 51001, volume: 0.6, startShare: 0.1, growth: 0.2, campaign: false },
  { seed: 51002, volume: 0.8, startShare: 0.25, growth: 0.4, campaign: true },
  { seed: 51003, volume: 0.4, startShare: 0.05, growth: 0.1, campaign: false },
  { seed: 51004, volume: 0.5, startShare: 0.2, growth: 0.3, campaign: true },
];

/** A believable year of dossiers in the demo commune and, smaller, in a few communes of its province. */
export async function seedDemoDossiers(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(dossiers);
  if ((existing?.n ?? 0) > 0) return;
  await seedCommuneYear(deps, { code: DEMO_COMMUNE_CODE, ...DEMO_PROFILE }, await loadContext(deps, DEMO_COMMUNE_CODE, true));
  for (const [i, code] of (await pickNeighbours(deps)).entries()) {
    await seedCommuneYear(deps, { code, ...NEIGHBOUR_PROFILES[i]! }, await loadContext(deps, code, false));
  }
}

/** Nghĩa Lộ, An Phú, Bình Sơn, Vạn Tường (Quảng Ngãi, like the demo commune); kept only if they are in the data. */
const NEIGHBOUR_CODES = ['21028', '21034', '21040', '21061'];

async function pickNeighbours(deps: AppDeps): Promise<string[]> {
  const demo = await findCommune(deps, DEMO_COMMUNE_CODE);
  if (!demo) return [];
  const inProvince = new Set((await listCommunesOfProvince(deps, demo.provinceCode)).map((c) => c.code));
  return NEIGHBOUR_CODES.filter((c) => inProvince.has(c)).slice(0, NEIGHBOUR_PROFILES.length);
}

async function seedCommuneYear(deps: AppDeps, profile: CommuneProfile, ctx: Ctx): Promise<void> {
  const now = deps.now();
  const rnd = createRandom(profile.seed);
  const rows: Row[] = [];
  for (let m = 11; m >= 0; m--) {
    const count = Math.round((26 + (11 - m) * 2) * profile.volume);
    for (let i = 0; i < count; i++) rows.push(await makeDossier(deps, ctx, rnd, pickInstant(rnd, now, m, ctx.calendar), { profile, monthIndex: 11 - m }, now));
  }
  await insertAll(deps, profile.code, rows);
}

interface Ctx {
  communeCode: string;
  calendar: WorkingCalendar;
  agencyCode: string;
  procedures: Awaited<ReturnType<typeof listProcedures>>;
  villageIds: string[];
  /** The demo staff work in the demo commune only; elsewhere actions carry no account. */
  staff: Map<string, { id: string; fullName: string }>;
  /** Demo citizens (0900000001…) file in the demo commune only, so their "my dossiers" stay readable. */
  demoPhones: readonly string[];
}

async function loadContext(deps: AppDeps, communeCode: string, isDemoCommune: boolean): Promise<Ctx> {
  const commune = await findCommune(deps, communeCode);
  const staffRows = isDemoCommune
    ? await deps.db.select().from(staffAccounts).where(inArray(staffAccounts.role, ['officer', 'specialist', 'leader', 'volunteer']))
    : [];
  return {
    communeCode,
    calendar: await getWorkingCalendar(deps, communeCode),
    agencyCode: commune!.agencyCode,
    procedures: await listProcedures(deps),
    villageIds: (await listVillages(deps, communeCode)).map((v) => v.id),
    staff: new Map(staffRows.map((s) => [s.role, { id: s.id, fullName: s.fullName }])),
    demoPhones: isDemoCommune ? DEMO_CITIZEN_PHONES : [],
  };
}

/** A working-hours instant in month `monthsAgo` (0 = the last 30 days). */
function pickInstant(rnd: Random, now: Date, monthsAgo: number, calendar: WorkingCalendar): Date {
  for (;;) {
    const day = new Date(now.getTime() - (monthsAgo * 30 + rnd.int(0, 29)) * DAY);
    const local = toLocalDate(day);
    if (!isWorkingDay(local, calendar)) continue;
    const at = makeLocalInstant(local, rnd.int(7 * 60 + 30, 16 * 60 + 30));
    if (at.getTime() < now.getTime() - 3600_000) return at;
  }
}

type Row = { dossier: typeof dossiers.$inferInsert; actions: (typeof dossierActions.$inferInsert)[] };

async function makeDossier(deps: AppDeps, ctx: Ctx, rnd: Random, at: Date, when: { profile: CommuneProfile; monthIndex: number }, now: Date): Promise<Row> {
  const { profile, monthIndex } = when;
  const inCampaign = profile.campaign && isInCampaign(at);
  const onlineShare = profile.startShare + (profile.growth * monthIndex) / 11 + (inCampaign ? 0.12 : 0);
  const online = rnd.chance(Math.min(0.8, onlineShare));
  const onBehalf = online ? (rnd.chance(inCampaign ? 0.5 : 0.3) ? 'volunteer' : null) : 'officer';
  const summary = rnd.pick(ctx.procedures);
  const procedure = await getEffectiveProcedure(deps, summary.code, ctx.communeCode);
  const person = makePerson(rnd, ctx.demoPhones);
  const citizen = await upsertCitizen(deps.db, person.phone, at, person.fullName);
  const ageDays = (now.getTime() - at.getTime()) / DAY;
  const log = planDemoActions(rnd, {
    channel: online ? 'online' : 'in_person', onBehalf, submittedAt: at, processingDays: procedure.processingDays,
    // The last few days are still on the desk in every stage; a few older ones were forgotten and run late.
    // Counter intake is received on the spot, so an in-person dossier is never left 'submitted'.
    stopAfter: ageDays < 6 && rnd.chance(0.8) ? rnd.int(online ? 1 : 2, 5) : undefined,
    awaitingSupplement: ageDays < 10 && rnd.chance(0.15),
    stuck: ageDays >= 14 && ageDays < 60 && rnd.chance(0.05),
  }, ctx.calendar, now);
  const state = deriveState(log);
  const id = crypto.randomUUID();
  const submitter = onBehalf ? ctx.staff.get(onBehalf) : undefined;
  return {
    dossier: {
      id, code: '', communeCode: ctx.communeCode, procedureCode: procedure.code, villageId: rnd.pick(ctx.villageIds),
      applicantName: person.fullName, applicantIdNumber: person.idNumber, applicantPhone: person.phone, applicantAddress: null,
      citizenId: citizen.id, fields: fillDemoFields(procedure.form, rnd, person.fullName), channel: online ? 'online' : 'in_person',
      onBehalf, submittedBy: submitter?.id ?? citizen.id, submittedByRole: onBehalf ?? 'citizen', processingDays: procedure.processingDays,
      feeVnd: procedure.feeVnd, submittedAt: at, status: state.status, nationalStatus: nationalStatusCode(state),
      receivedAt: state.receivedAt ? new Date(state.receivedAt) : null, dueAt: state.dueAt ? new Date(state.dueAt) : null,
      finishedAt: state.finishedAt ? new Date(state.finishedAt) : null, version: log.length, updatedAt: new Date(state.lastActionAt ?? at),
    },
    actions: log.map((a, i) => {
      const staff = a.actorRole === 'citizen' ? undefined : ctx.staff.get(a.actorRole);
      return {
        dossierId: id, seq: i + 1, type: a.type, at: new Date(a.at), actorRole: a.actorRole,
        actorId: a.actorRole === 'citizen' ? citizen.id : (staff?.id ?? null), actorName: staff?.fullName ?? null,
        note: a.note ?? null, payload: a.payload ?? null,
      };
    }),
  };
}

function isInCampaign(at: Date): boolean {
  const local = toLocalDate(at);
  const year = local.slice(0, 4);
  return local >= `${year}${CAMPAIGN.from}` && local <= `${year}${CAMPAIGN.to}`;
}

/** Codes in submission order with a daily sequence per day, as the live system would give them. */
async function insertAll(deps: AppDeps, communeCode: string, rows: Row[]): Promise<void> {
  rows.sort((a, b) => a.dossier.submittedAt!.getTime() - b.dossier.submittedAt!.getTime());
  const agency = (await findCommune(deps, communeCode))!.agencyCode;
  const perDay = new Map<string, number>();
  for (const r of rows) {
    const day = localDayKey(r.dossier.submittedAt!);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    r.dossier.code = formatDossierCode(agency, r.dossier.submittedAt!, seq);
  }
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      await tx.insert(dossiers).values(chunk.map((r) => r.dossier));
      await tx.insert(dossierActions).values(chunk.flatMap((r) => r.actions));
    }
    const counters = [...perDay].map(([day, lastSeq]) => ({ communeCode, day, lastSeq }));
    if (counters.length) await tx.insert(dossierCodeCounters).values(counters).onConflictDoNothing();
  });
}
