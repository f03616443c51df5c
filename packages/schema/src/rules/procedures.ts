import type { Procedure, ProcedureSummary } from '../procedure.js';

/** Whether a procedure can be submitted online. */
export const isOnline = (p: Pick<Procedure, 'channels' | 'onlineLevel' | 'onlineUrl'>): boolean =>
  Boolean(p.onlineLevel || p.onlineUrl || p.channels.some((c) => c.kind === 'online'));

/** The list entry of a procedure (a summary is already one): what the catalogue search needs. */
export function summarize(p: Procedure | ProcedureSummary): ProcedureSummary {
  if (!('channels' in p)) return p;
  return {
    code: p.code,
    name: p.name,
    level: p.level,
    field: p.field,
    ...(p.onlineLevel ? { onlineLevel: p.onlineLevel } : {}),
    online: isOnline(p),
    updatedAt: p.updatedAt,
  };
}
