import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import type { DossierAction } from '../../shared/dossier';
import { assertCanViewDossier } from './access';
import * as repo from './dossiers.repo';
import { dossierActions, dossiers } from './dossiers.schema';
import { toDomainActions } from './views';

/** A dossier with its full log, for read-only consumers (official slips, registers). */
export interface DossierRecord {
  dossier: repo.DossierRow;
  actions: repo.ActionRow[];
  log: DossierAction[];
}

/** The owner or staff of the dossier's commune (or province); anyone else gets 404. No audit row: the caller writes it. */
export async function getDossierRecord(deps: AppDeps, actor: Actor, code: string): Promise<DossierRecord> {
  const dossier = await repo.findDossierByCode(deps.db, code);
  assertCanViewDossier(actor, dossier, code);
  const actions = await repo.listActions(deps.db, dossier.id);
  return { dossier, actions, log: toDomainActions(actions) };
}

/** Dossiers of a commune received in [from, to), in order of reception, with their logs (the tracking register). */
export async function listDossiersReceivedBetween(deps: AppDeps, communeCode: string, from: Date, to: Date): Promise<DossierRecord[]> {
  const rows = await deps.db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.communeCode, communeCode), isNotNull(dossiers.receivedAt), gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, to)))
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.code));
  const byDossier = new Map<string, repo.ActionRow[]>(rows.map((d) => [d.id, []]));
  // One query per 500 dossiers rather than one per dossier: a year's register stays quick.
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((d) => d.id);
    const actions = await deps.db.select().from(dossierActions).where(inArray(dossierActions.dossierId, ids)).orderBy(asc(dossierActions.dossierId), asc(dossierActions.seq));
    for (const a of actions) byDossier.get(a.dossierId)!.push(a);
  }
  return rows.map((dossier) => {
    const actions = byDossier.get(dossier.id)!;
    return { dossier, actions, log: toDomainActions(actions) };
  });
}

/** How many dossiers of the commune were received in [from, before): the register's running number. */
export async function countDossiersReceivedBetween(deps: AppDeps, communeCode: string, from: Date, before: Date): Promise<number> {
  const [row] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(eq(dossiers.communeCode, communeCode), isNotNull(dossiers.receivedAt), gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, before)));
  return row?.n ?? 0;
}
