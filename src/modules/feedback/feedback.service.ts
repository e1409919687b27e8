import type { Actor } from '../../platform/auth';
import { conflict, forbidden, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assertCommuneAccess, canAccessCommune } from '../admin-units';
import { isDislike, scoreCriteria } from './criteria';
import type { RatingBody, RatingView } from './feedback.contracts';
import * as repo from './feedback.repo';

const dossierNotFound = (code: string) => notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${code}`, en: `Dossier ${code} not found` });

/**
 * The owner rates a dossier once, after the result was returned (ND 61/2018 Art. 29–31). Anyone but the owner gets
 * 404 (the dossier must look absent); before the return, or a second time, 409. Nothing is written then.
 */
export async function rateDossier(deps: AppDeps, actor: Actor, code: string, body: RatingBody): Promise<RatingView> {
  const d = await repo.findDossierForRating(deps.db, code);
  if (!d || actor.kind !== 'citizen' || d.citizenId !== actor.accountId) throw dossierNotFound(code);
  if (d.status !== 'returned') {
    throw conflict('NOT_RETURNED_YET', { vi: 'Bạn đánh giá được sau khi đã nhận kết quả', en: 'You can rate once the result has been returned' });
  }
  const row: repo.RatingRow = {
    dossierCode: d.code, communeCode: d.communeCode, procedureCode: d.procedureCode, channel: d.channel, citizenId: actor.accountId,
    overall: body.overall,
    timeliness: body.timeliness ?? null, information: body.information ?? null, staffConduct: body.staffConduct ?? null,
    lawfulness: body.lawfulness ?? null, feedbackHandling: body.feedbackHandling ?? null, onlineService: body.onlineService ?? null,
    agenciesContacted: body.agenciesContacted ?? null, visits: body.visits ?? null, extraPayment: body.extraPayment ?? null,
    comment: body.comment ? body.comment : null, ratedAt: deps.now(),
  };
  if (!(await repo.insertRating(deps.db, row))) {
    throw conflict('ALREADY_RATED', { vi: 'Hồ sơ này đã được đánh giá', en: 'This dossier has already been rated' });
  }
  return toView(row);
}

/** The dossier's rating, for its owner or the staff of its commune; 404 when none (or not theirs). */
export async function getDossierRating(deps: AppDeps, actor: Actor, code: string): Promise<RatingView> {
  const d = await repo.findDossierForRating(deps.db, code);
  const allowed = d && (actor.kind === 'citizen' ? d.citizenId === actor.accountId : canAccessCommune(actor, d.communeCode));
  if (!allowed) throw dossierNotFound(code);
  const rating = await repo.findRating(deps.db, code);
  if (!rating) throw notFound('NOT_RATED', { vi: 'Hồ sơ chưa được đánh giá', en: 'The dossier has not been rated' });
  return toView(rating);
}

export interface RatingsPeriod { from?: Date; to?: Date; limit?: number }

/**
 * Ratings of one commune in a period, newest first, with their summary. For the staff screens (through the route)
 * and for the indicators module (QĐ 766 group 5, satisfaction), which calls it directly.
 */
export async function listCommuneRatings(deps: AppDeps, communeCode: string, period: RatingsPeriod = {}) {
  const rows = await repo.listRatingRows(deps.db, communeCode, period.from, period.to, period.limit);
  return { summary: summarize(rows), items: rows.map(toView) };
}

export async function listCommuneRatingsFor(deps: AppDeps, actor: Actor, communeCode: string, period: RatingsPeriod) {
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, communeCode);
  return listCommuneRatings(deps, communeCode, period);
}

export function summarize(rows: repo.RatingRow[]) {
  const avg = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : null;
  };
  return {
    count: rows.length,
    averageOverall: avg(rows.map((r) => r.overall)),
    dislikes: rows.filter((r) => isDislike(r.overall)).length,
    extraPaymentReports: rows.filter((r) => r.extraPayment === true).length,
    averages: Object.fromEntries(scoreCriteria.map((c) => [c.key, avg(rows.map((r) => r[c.key]))])),
  };
}

function toView(r: repo.RatingRow): RatingView {
  return {
    dossierCode: r.dossierCode, procedureCode: r.procedureCode, overall: r.overall,
    timeliness: r.timeliness, information: r.information, staffConduct: r.staffConduct, lawfulness: r.lawfulness,
    feedbackHandling: r.feedbackHandling, onlineService: r.onlineService, agenciesContacted: r.agenciesContacted,
    visits: r.visits, extraPayment: r.extraPayment, comment: r.comment, ratedAt: r.ratedAt.toISOString(),
  };
}
