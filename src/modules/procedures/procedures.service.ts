import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { badRequest, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { foldedWords, foldVietnamese, sortByVietnamese } from '../../shared/text';
import { assertCommuneAdmin, requireCommuneRef } from '../admin-units';
import { applyOverride, checkOverride, mergeOverride, NO_OVERRIDE, type OverrideInput } from './overrides';
import { cachedCatalogue, cachedOverrides, invalidateProcedureCache } from './procedure-cache';
import type { EffectiveProcedure, Procedure } from './procedure-types';
import * as repo from './procedures.repo';
import { compareHits } from './search-rank';

export async function listProcedures(deps: AppDeps): Promise<Procedure[]> {
  return sortByVietnamese([...(await cachedCatalogue(deps.db)).values()], (p) => p.name);
}

export async function findProcedure(deps: AppDeps, code: string): Promise<Procedure | undefined> {
  return (await cachedCatalogue(deps.db)).get(code);
}

export async function getProcedure(deps: AppDeps, code: string): Promise<Procedure> {
  const procedure = await findProcedure(deps, code);
  if (!procedure) throw procedureNotFound(code);
  return procedure;
}

/** The procedure as `communeCode` runs it (local fee/time); 404 when the commune does not offer it. */
export async function getEffectiveProcedure(deps: AppDeps, code: string, communeCode: string): Promise<EffectiveProcedure> {
  const effective = await resolveEffective(deps, code, communeCode);
  if (!effective.offered) {
    throw notFound('PROCEDURE_NOT_OFFERED', {
      vi: `Xã/phường này không tiếp nhận thủ tục ${effective.name}`,
      en: `This commune does not offer the procedure ${code}`,
    });
  }
  return effective;
}

/** Every catalogue procedure with the commune's overrides, offered or not (the admin's view). */
export async function listCommuneProcedures(deps: AppDeps, communeCode: string): Promise<EffectiveProcedure[]> {
  requireCommuneRef(communeCode);
  const overrides = await cachedOverrides(deps.db, communeCode);
  const all = await listProcedures(deps);
  return all.map((p) => applyOverride(p, communeCode, overrides.get(p.code) ?? NO_OVERRIDE));
}

/**
 * Ranked, diacritic- and case-insensitive search. With a commune, only what it offers,
 * at its local fee and time. An empty query lists everything, most used first.
 */
export async function searchProcedures(deps: AppDeps, q: string, communeCode?: string): Promise<Procedure[]> {
  if (communeCode) requireCommuneRef(communeCode);
  const catalogue = await cachedCatalogue(deps.db);
  const folded = foldVietnamese(q);
  const hits = folded
    ? await repo.searchProcedureRows(deps.db, q.trim(), folded, foldedWords(q))
    : (await repo.selectAllProcedures(deps.db)).map((r) => ({ code: r.code, name: r.name, popularity: r.popularity, tier: 0, similarity: 0, wordSimilarity: 0 }));
  const ranked = hits.sort(compareHits).flatMap((h) => catalogue.get(h.code) ?? []);
  if (!communeCode) return ranked;
  const overrides = await cachedOverrides(deps.db, communeCode);
  return ranked.map((p) => applyOverride(p, communeCode, overrides.get(p.code) ?? NO_OVERRIDE)).filter((p) => p.offered);
}

export async function setCommuneProcedure(
  deps: AppDeps,
  actor: Actor | undefined,
  communeCode: string,
  code: string,
  input: OverrideInput,
): Promise<EffectiveProcedure> {
  const staff = assertCommuneAdmin(actor, communeCode);
  const national = await getProcedure(deps, code);
  const problems = checkOverride(national, input);
  if (problems.length > 0) {
    throw badRequest('OVERRIDE_NOT_ALLOWED', { vi: 'Thiết lập của xã không hợp lệ', en: 'The commune setting is not allowed' }, problems);
  }
  const current = (await cachedOverrides(deps.db, communeCode)).get(code) ?? NO_OVERRIDE;
  const next = mergeOverride(current, input);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.upsertCommuneOverride(tx, {
      communeCode,
      procedureCode: code,
      offered: next.offered,
      feeVndOverride: next.feeVnd,
      processingDaysOverride: next.processingDays,
      updatedBy: staff.accountId,
      updatedAt: now,
    });
    await writeAudit(tx, actor, now, {
      action: 'procedure.override.set', entity: 'commune_procedure', entityId: `${communeCode}:${code}`, communeCode, details: { ...next },
    });
  });
  invalidateProcedureCache(deps.db);
  return applyOverride(national, communeCode, next);
}

/**
 * Counts a use for ranking. Popularity is not part of the cached procedure, so this
 * write deliberately leaves the cache alone (dossier submission calls it every time).
 */
export async function recordProcedureUse(deps: AppDeps, code: string): Promise<void> {
  await repo.incrementPopularity(deps.db, code);
}

async function resolveEffective(deps: AppDeps, code: string, communeCode: string): Promise<EffectiveProcedure> {
  requireCommuneRef(communeCode);
  const procedure = await getProcedure(deps, code);
  const override = (await cachedOverrides(deps.db, communeCode)).get(code) ?? NO_OVERRIDE;
  return applyOverride(procedure, communeCode, override);
}

function procedureNotFound(code: string) {
  return notFound('PROCEDURE_NOT_FOUND', {
    vi: `Không tìm thấy thủ tục hành chính có mã ${code}`,
    en: `No administrative procedure with code ${code}`,
  });
}
