import { ProcedureCatalogue } from '@sipas/schema';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ServerContext } from '../context.js';
import { ProcedureStore } from './store.js';

/** The demo catalogue: real commune/ward procedures, written for this project from public facts. */
export const DEMO_PROCEDURES_FILE = fileURLToPath(new URL('../../../demo-data/procedures.json', import.meta.url));

/** Seeds the demo unit's procedures. Idempotent: unchanged procedures are not rewritten and the ETag holds. */
export async function seedDemoProcedures(ctx: ServerContext, unit: string): Promise<void> {
  const catalogue = ProcedureCatalogue.parse(JSON.parse(await readFile(DEMO_PROCEDURES_FILE, 'utf8')));
  await new ProcedureStore(ctx.db).save(unit, catalogue.procedures, { replace: false });
}
