import type { ServerContext } from '../context.js';

/** Seeds the demo unit's feedback. Idempotent. */
export async function seedDemoFeedback(_ctx: ServerContext, _unit: string): Promise<void> {}
