import type { ServerContext } from '../context.js';

/** Seeds the demo unit's procedures. Idempotent. */
export async function seedDemoProcedures(_ctx: ServerContext, _unit: string): Promise<void> {}
