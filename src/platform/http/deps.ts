import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../server/config';
import type { Db, Engine } from '../db';

/**
 * What a module's routes and services receive: passed explicitly, never looked up.
 * `now` is the clock, so tests can run at a fixed instant.
 */
export interface AppDeps {
  db: Db;
  engine: Engine;
  config: Config;
  now: () => Date;
  log: FastifyBaseLogger;
}
