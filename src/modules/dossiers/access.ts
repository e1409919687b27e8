import type { Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { ActionActor } from '../../shared/dossier';
import { canAccessCommune } from '../admin-units';
import type { DossierRow } from './dossiers.repo';

export const dossierNotFound = (code: string) =>
  notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${code}`, en: `Dossier ${code} not found` });

/** The owner citizen, or staff of the dossier's commune (or its province); anyone else gets 404. */
export function canViewDossier(actor: Actor | undefined, d: DossierRow): boolean {
  if (!actor) return false;
  if (actor.kind === 'citizen') return d.citizenId === actor.accountId;
  return canAccessCommune(actor, d.communeCode);
}

export function assertCanViewDossier(actor: Actor | undefined, d: DossierRow | undefined, code: string): asserts d is DossierRow {
  if (!d || !canViewDossier(actor, d)) throw dossierNotFound(code);
}

export function toActionActor(actor: Actor, d: DossierRow): ActionActor {
  if (actor.kind === 'citizen') {
    return { role: 'citizen', isOwner: d.citizenId === actor.accountId, isSubmitter: d.submittedBy === actor.accountId };
  }
  return { role: actor.role, isOwner: false, isSubmitter: d.submittedBy === actor.accountId };
}
