import { inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http';
import { isWorkingDay, makeLocalInstant, toLocalDate, type WorkingCalendar } from '../../../shared/calendar';
import { deriveState, nationalStatusCode } from '../../../shared/dossier';
import { DEMO_COMMUNE_CODE, findCommune, listVillages } from '../../admin-units';
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

/** A believable year of dossiers in the demo commune: the online share climbs from ~15% to ~60%. */
export async function seedDemoDossiers(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(dossiers);
  if ((existing?.n ?? 0) > 0) return;
  const now = deps.now();
  const rnd = createRandom(20251122);
  const ctx = await loadContext(deps);
  const rows: Row[] = [];
  for (let m = 11; m >= 0; m--) {
    const count = 26 + (11 - m) * 2;
    for (let i = 0; i < count; i++) rows.push(await makeDossier(deps, ctx, rnd, pickInstant(rnd, now, m, ctx.calendar), 11 - m, now));
  }
  await insertAll(deps, rows);
}

interface Ctx {
  calendar: WorkingCalendar;
  agencyCode: string;
  procedures: Awaited<ReturnType<typeof listProcedures>>;
  villageIds: string[];
  staff: Map<string, { id: string; fullName: string }>;
}

async function loadContext(deps: AppDeps): Promise<Ctx> {
  const commune = await findCommune(deps, DEMO_COMMUNE_CODE);
  const staffRows = await deps.db.select().from(staffAccounts).where(inArray(staffAccounts.role, ['officer', 'specialist', 'leader', 'volunteer']));
  return {
    calendar: await getWorkingCalendar(deps, DEMO_COMMUNE_CODE),
    agencyCode: commune!.agencyCode,
    procedures: await listProcedures(deps),
    villageIds: (await listVillages(deps, DEMO_COMMUNE_CODE)).map((v) => v.id),
    staff: new Map(staffRows.map((s) => [s.role, { id: s.id, fullName: s.fullName }])),
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

async function makeDossier(deps: AppDeps, ctx: Ctx, rnd: Random, at: Date, monthIndex: number, now: Date): Promise<Row> {
  const inCampaign = isInCampaign(at);
  const onlineShare = 0.15 + (0.45 * monthIndex) / 11 + (inCampaign ? 0.12 : 0);
  const online = rnd.chance(Math.min(0.8, onlineShare));
  const onBehalf = online ? (rnd.chance(inCampaign ? 0.5 : 0.3) ? 'volunteer' : null) : 'officer';
  const summary = rnd.pick(ctx.procedures);
  const procedure = await getEffectiveProcedure(deps, summary.code, DEMO_COMMUNE_CODE);
  const person = makePerson(rnd, DEMO_CITIZEN_PHONES);
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
      id, code: '', communeCode: DEMO_COMMUNE_CODE, procedureCode: procedure.code, villageId: rnd.pick(ctx.villageIds),
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
async function insertAll(deps: AppDeps, rows: Row[]): Promise<void> {
  rows.sort((a, b) => a.dossier.submittedAt!.getTime() - b.dossier.submittedAt!.getTime());
  const agency = (await findCommune(deps, DEMO_COMMUNE_CODE))!.agencyCode;
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
    const counters = [...perDay].map(([day, lastSeq]) => ({ communeCode: DEMO_COMMUNE_CODE, day, lastSeq }));
    if (counters.length) await tx.insert(dossierCodeCounters).values(counters).onConflictDoNothing();
  });
}
