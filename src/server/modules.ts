import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http';
import type { Actor } from '../platform/auth';

/**
 * The explicit list of domain modules mounted by buildApp(). Adding a module
 * means adding one import and one line here: no auto-loading.
 */
export type RegisterRoutes = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const routeModules: RegisterRoutes[] = [
];

export async function resolveActor(
  deps: AppDeps,
  session: { accountKind: 'staff' | 'citizen'; accountId: string },
): Promise<Actor | undefined> {
  void deps;
  void session;
  return undefined;
}
