import { coreRoutes } from './core.js';
import { feedbackRoutes } from './feedback.js';
import { logRoutes } from './log.js';
import { operationsRoutes } from './operations.js';
import { procedureRoutes } from './procedures.js';
import { resultsRoutes } from './results.js';
import { staffRoutes } from './staff.js';
import { surveyRoutes } from './surveys.js';
import type { RouteContract } from './route.js';

export * from './route.js';
export * from './permissions.js';
export { Health } from './core.js';

/** Every route of the endpoint, the single list the server and the OpenAPI document share. */
export const API_ROUTES: readonly RouteContract[] = [
  ...coreRoutes,
  ...surveyRoutes,
  ...procedureRoutes,
  ...feedbackRoutes,
  ...resultsRoutes,
  ...logRoutes,
  ...staffRoutes,
  ...operationsRoutes,
];

export function findRoute(method: string, path: string): RouteContract {
  const route = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No contract for ${method} ${path}: add it to @sipas/schema's api/ first.`);
  return route;
}
