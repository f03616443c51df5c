export { buildApp, type App } from './app.js';
export { loadConfig, type ServerConfig } from './config.js';
export type { ServerContext, StaffPrincipal } from './context.js';
export type { Database, Queryable } from './db/database.js';
export { migrate } from './db/migrate.js';
export { openDatabase } from './db/open.js';
export { createServer } from './server.js';
