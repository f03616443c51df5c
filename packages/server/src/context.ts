import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import type { DossierKeys } from './dossiers/keys.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { UnitStore } from './units/store.js';

/** Who made a change or acted on a case: a signed-in staff member, or a named non-person (the sender, the system, the command line). */
export interface Actor {
  id: string | null;
  name: string;
}

/** A signed-in member of a unit's staff. */
export interface StaffPrincipal {
  id: string;
  unit: string;
  role: 'staff' | 'admin';
  name: string;
}

/** What every route module receives: configuration, the database and the shared services. */
export interface ServerContext {
  config: ServerConfig;
  db: Database;
  units: UnitStore;
  rateLimiter: RateLimiter;
  log: FastifyBaseLogger;
  /** Each unit's dossier-token signing key (dossiers/keys.ts). */
  dossierKeys: DossierKeys;
  /** Resolves the staff member behind a request's credentials; undefined refuses the request. */
  authenticateStaff: (request: FastifyRequest) => Promise<StaffPrincipal | undefined>;
}
