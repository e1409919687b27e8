import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../platform/http';

const healthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database engine', response: { 200: healthResponse } } },
    async () => {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: deps.engine };
    },
  );
}
