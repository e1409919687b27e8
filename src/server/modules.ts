import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http';
import type { Actor } from '../platform/auth';
import { registerAuthRoutes, registerStaffAccountRoutes, resolveSessionActor } from '../modules/auth';
import { registerNotificationRoutes } from '../modules/notifications';
import { registerPaymentRoutes } from '../modules/payments';
import { registerCalendarRoutes } from '../modules/calendar';
import { registerDossierRoutes } from '../modules/dossiers';
import { registerAdminUnitsRoutes } from '../modules/admin-units';
import { registerProceduresRoutes } from '../modules/procedures';
import { registerSlipRoutes } from '../modules/slips';
import { registerCounterRoutes } from '../modules/counter';
import { registerFilesRoutes } from '../modules/files';
import { registerFeedbackRoutes } from '../modules/feedback';
import { registerPortalRoutes } from '../modules/portal';
import { registerIndicatorRoutes } from '../modules/indicators';
import { registerTeamsRoutes } from '../modules/teams';
import { registerHouseholdsRoutes } from '../modules/households';
import { registerOutreachRoutes } from '../modules/outreach';
import { registerFieldRoutes } from '../modules/field';

/**
 * The explicit list of domain modules mounted by buildApp(). Adding a module
 * means adding one import and one line here: no auto-loading.
 */
export type RegisterRoutes = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const routeModules: RegisterRoutes[] = [
  registerAdminUnitsRoutes,
  registerProceduresRoutes,
  registerAuthRoutes,
  registerStaffAccountRoutes,
  registerNotificationRoutes,
  registerPaymentRoutes,
  registerCalendarRoutes,
  registerDossierRoutes,
  registerIndicatorRoutes,
  registerSlipRoutes,
  registerCounterRoutes,
  registerFilesRoutes,
  registerFeedbackRoutes,
  registerPortalRoutes,
  // Community digital team: teams, households, support log/campaigns, the field app's sync API.
  registerTeamsRoutes,
  registerHouseholdsRoutes,
  registerOutreachRoutes,
  registerFieldRoutes,
];

export async function resolveActor(
  deps: AppDeps,
  session: { accountKind: 'staff' | 'citizen'; accountId: string },
): Promise<Actor | undefined> {
  return resolveSessionActor(deps, session);
}
