import type { Actor, StaffActor } from '../../platform/auth';
import { forbidden, notFound, unauthorized } from '../../platform/errors';
import { findCommuneRef, provinceOfCommune, type CommuneRef } from './admin-units-data';

/**
 * Staff see only their own commune; province-level accounts (communeCode null) see
 * every commune of their province. Citizens have no commune scope: their access is
 * by ownership, checked in the modules that hold their data.
 */
export function canAccessCommune(actor: Actor | undefined, communeCode: string): boolean {
  if (actor?.kind !== 'staff') return false;
  if (actor.communeCode !== null) return actor.communeCode === communeCode;
  return provinceOfCommune(communeCode) === actor.provinceCode;
}

/** Another commune's data must look absent, not forbidden: 404, so codes cannot be probed. */
export function assertCommuneAccess(actor: Actor | undefined, communeCode: string): void {
  if (!canAccessCommune(actor, communeCode)) throw communeNotFound(communeCode);
}

/** The shipped reference entry of a commune, or 404 (in-memory: no database round trip). */
export function requireCommuneRef(code: string): CommuneRef {
  const ref = findCommuneRef(code);
  if (!ref) throw communeNotFound(code);
  return ref;
}

export function communeNotFound(code: string) {
  return notFound('COMMUNE_NOT_FOUND', {
    vi: `Không tìm thấy xã/phường có mã ${code}`,
    en: `No commune with code ${code}`,
  });
}

/**
 * Writes to a commune's settings: its own commune_admin only. The commune check
 * comes first (404), so a foreign commune never reveals that it exists.
 */
export function assertCommuneAdmin(actor: Actor | undefined, communeCode: string): StaffActor {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, communeCode);
  if (actor.role !== 'commune_admin') throw forbidden();
  return actor;
}
