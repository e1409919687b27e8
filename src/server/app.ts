import Fastify, { type FastifyInstance } from 'fastify';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../platform/db';
import { registerErrorHandler } from '../platform/errors';
import { registerAuth } from '../platform/auth';
import type { AppDeps } from '../platform/http';
import type { Config } from './config';
import { registerDocs } from './docs';
import { registerHealthRoutes } from './health.routes';
import { routeModules, resolveActor } from './modules';
import { registerWeb } from './web';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  now?: () => Date;
  logger?: boolean | object;
}

export type App = FastifyInstance;

/** Registers platform plugins, then each module's routes, explicitly and in order. */
export async function buildApp(opts: BuildAppOptions): Promise<{ app: App; deps: AppDeps }> {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(opts.config),
    bodyLimit: opts.config.BODY_LIMIT_BYTES,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerDocs(app, jsonSchemaTransform);
  await app.register(rateLimit, { global: false });
  // JSON over weak 3G: a field app's first sync is ~150 KB raw, ~18 KB compressed. Fast settings (dynamic
  // responses); the web apps' files are compressed at build time and keep their Content-Encoding.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });

  const deps: AppDeps = {
    db: opts.database.db,
    engine: opts.database.engine,
    config: opts.config,
    now: opts.now ?? (() => new Date()),
    log: app.log,
  };
  registerAuth(app, deps.db, (s) => resolveActor(deps, s), deps.now);
  registerHealthRoutes(app, deps);
  for (const register of routeModules) await register(app, deps);
  registerWeb(app);
  return { app, deps };
}

function loggerOptions(config: Config): object {
  return {
    level: config.LOG_LEVEL,
    // Decree 13/2023: personal data never reaches the logs.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.idNumber', '*.phone', '*.password', '*.code'],
      censor: '***',
    },
  };
}
