import { buildApp, type App } from './app.js';
import type { ServerConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';

/** Opens and migrates the database, stores the presets and configured units, builds the app. */
export async function createServer(config: ServerConfig): Promise<App> {
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  const built = await buildApp(config, db);
  await built.ctx.units.ensurePresets();
  for (const unit of config.units) {
    // Origins an admin added in the desk survive a restart: the configured list is added, not imposed.
    const stored = await built.ctx.units.get(unit.id);
    await built.ctx.units.upsert({ ...unit, allowedOrigins: [...new Set([...unit.allowedOrigins, ...(stored?.allowedOrigins ?? [])])] });
  }
  built.app.addHook('onClose', async () => db.close());
  return built;
}
