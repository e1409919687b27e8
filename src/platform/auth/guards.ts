import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors';
import type { Actor, CitizenActor, StaffActor, StaffRole } from './actor';

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export function requireStaff(request: FastifyRequest, roles?: readonly StaffRole[]): StaffActor {
  const actor = requireActor(request);
  if (actor.kind !== 'staff') throw forbidden();
  if (roles && !roles.includes(actor.role)) throw forbidden();
  return actor;
}

export function requireCitizen(request: FastifyRequest): CitizenActor {
  const actor = requireActor(request);
  if (actor.kind !== 'citizen') throw forbidden();
  return actor;
}
