import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http';
import type { Actor } from '../platform/auth';
import { registerAuthRoutes, resolveSessionActor } from '../modules/auth';
import { registerNotificationRoutes } from '../modules/notifications';
import { registerCalendarRoutes } from '../modules/calendar';
import { registerDossierRoutes } from '../modules/dossiers';
import { registerAdminUnitsRoutes } from '../modules/admin-units';
import { registerProceduresRoutes } from '../modules/procedures';

/**
 * The explicit list of domain modules mounted by buildApp(). Adding a module
 * means adding one import and one line here: no auto-loading.
 */
export type RegisterRoutes = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const routeModules: RegisterRoutes[] = [
  registerAdminUnitsRoutes,
  registerProceduresRoutes,
  registerAuthRoutes,
  registerNotificationRoutes,
  registerCalendarRoutes,
  registerDossierRoutes,
];

export async function resolveActor(
  deps: AppDeps,
  session: { accountKind: 'staff' | 'citizen'; accountId: string },
): Promise<Actor | undefined> {
  return resolveSessionActor(deps, session);
}
