import fc from 'fast-check';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth';
import { queryRows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { validFields } from '../../../tests/support/fixtures';
import { resolveSessionActor, staffAccounts, upsertCitizen } from '../auth';
import { applyDossierAction, submitDossier } from '../dossiers';
import { diffAggregatesWithNaive, diffFactsWithNaive } from './maintenance.repo';
import { Clock, COMMUNE, L } from './indicators.test-support';

/**
 * Property: after any sequence of submissions and actions through the real dossier services,
 * the incrementally maintained aggregates equal the naive GROUP BY over the raw tables, and each
 * dossier's stored contribution equals what the raw tables say now.
 */
const PROCEDURES = ['2.000908', '1.004873', '2.000884', '1.000894'];
const ACTIONS = ['receive', 'request_supplement', 'supplement', 'start_processing', 'approve', 'reject', 'return_result', 'withdraw', 'reappoint'] as const;
type ActionType = (typeof ACTIONS)[number];

const clock = new Clock(L('2027-04-01 08:00'));
let t: TestApp;
const staff = new Map<string, Actor>();
const citizens: Actor[] = [];
const fields = new Map<string, Record<string, unknown>>();
/** Dossiers made so far: code, and the accounts that may act on them as owner or submitter. */
const made: { code: string; owner: Actor; submitter: Actor }[] = [];

const op = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), who: fc.constantFrom('citizen', 'officer', 'volunteer'), proc: fc.nat(PROCEDURES.length - 1), citizen: fc.nat(2) }),
  fc.record({ kind: fc.constant('act' as const), dossier: fc.nat(3), action: fc.constantFrom(...ACTIONS), who: fc.nat(3), days: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 80 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Who may try an action: a few candidates each, so that refusals (403/409) happen too. */
function candidates(action: ActionType, d: (typeof made)[number]): Actor[] {
  const s = (u: string) => staff.get(u)!;
  switch (action) {
    case 'supplement': return [d.owner, d.submitter, s('demo.officer'), s('demo.leader')];
    case 'withdraw': return [d.owner, s('demo.officer'), d.submitter, s('demo.specialist')];
    case 'approve': case 'reject': return [s('demo.leader'), s('demo.officer'), s('demo.specialist'), s('demo.leader')];
    default: return [s('demo.officer'), s('demo.specialist'), s('demo.leader'), s('demo.officer')];
  }
}

function body(action: ActionType, days: number) {
  if (action === 'request_supplement') return { type: action, missingDocuments: ['Bản sao giấy khai sinh'] };
  if (action === 'reject') return { type: action, reasons: ['Không đủ điều kiện'] };
  if (action === 'reappoint') return { type: action, note: 'Cần xác minh', newDueAt: new Date(clock.current.getTime() + days * 86_400_000).toISOString() };
  return { type: action };
}

async function run(o: Op): Promise<void> {
  try {
    if (o.kind === 'tick') clock.current = new Date(clock.current.getTime() + o.hours * 3_600_000);
    else if (o.kind === 'submit') {
      const citizen = citizens[o.citizen]!;
      const submitter = o.who === 'citizen' ? citizen : staff.get(`demo.${o.who}`)!;
      const procedureCode = PROCEDURES[o.proc]!;
      const res = await submitDossier(t.deps, submitter, {
        procedureCode, communeCode: COMMUNE, fields: fields.get(procedureCode)!,
        applicant: { fullName: 'Trần Thị Mai', idNumber: '051090012345', phone: (citizen as { phone: string }).phone },
      });
      made.push({ code: res.code, owner: citizen, submitter });
    } else if (made.length > 0) {
      // Mostly the latest dossiers, so that runs reach reception, decisions and ends.
      const d = made[made.length - 1 - (o.dossier % made.length)]!;
      const actor = candidates(o.action, d)[o.who]!;
      await applyDossierAction(t.deps, actor, d.code, body(o.action, o.days) as never);
    }
  } catch (err) {
    // Refused by the rules (403/409/422): nothing changed, which the property also checks.
    if (!(err instanceof AppError)) throw err;
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  const rows = await t.deps.db.select().from(staffAccounts)
    .where(inArray(staffAccounts.username, ['demo.officer', 'demo.specialist', 'demo.leader', 'demo.volunteer']));
  for (const r of rows) staff.set(r.username, (await resolveSessionActor(t.deps, { accountKind: 'staff', accountId: r.id }))!);
  for (const phone of ['0900000001', '0900000002', '0900000003']) {
    const c = await upsertCitizen(t.deps.db, phone, clock.now(), 'Trần Thị Mai');
    citizens.push({ kind: 'citizen', accountId: c.id, phone });
  }
  for (const code of PROCEDURES) fields.set(code, await validFields(t, code));
}, 120_000);

afterAll(async () => t?.close());

describe('incremental indicator aggregates', () => {
  it('always equal the naive recomputation over the raw tables', async () => {
    await fc.assert(
      // Each run starts with a submission, so every run has a dossier of its own to act on.
      fc.asyncProperty(fc.tuple(op.filter((o) => o.kind === 'submit'),
        fc.array(fc.oneof({ weight: 1, arbitrary: op }, { weight: 2, arbitrary: op.filter((o) => o.kind === 'act') }), { maxLength: 29 }))
        .map(([first, rest]) => [first, ...rest]), async (ops) => {
        for (const o of ops) await run(o);
        expect(await diffAggregatesWithNaive(t.deps.db)).toEqual([]);
        expect(await diffFactsWithNaive(t.deps.db)).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // The runs did reach the interesting states: ended dossiers, papers asked, apologies.
    const [stats] = await queryRows<{ ended: number }>(t.deps.db, sql`
      select count(*) filter (where f.outcome is not null)::int as ended
      from indicator_dossier_facts f join dossiers d on d.id = f.dossier_id where d.submitted_at >= ${L('2027-04-01 00:00')}`);
    expect(stats!.ended).toBeGreaterThan(0);
    // The mix of operations is random; a handful of dossiers is enough to prove submissions were exercised.
    expect(made.length).toBeGreaterThan(8);
  }, 300_000);
});
