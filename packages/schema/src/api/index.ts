import { coreRoutes } from './core.js';
import { dossierRoutes } from './dossiers.js';
import { feedbackRoutes } from './feedback.js';
import { logRoutes } from './log.js';
import { procedureRoutes } from './procedures.js';
import { resultsRoutes } from './results.js';
import { staffRoutes } from './staff.js';
import { surveySettingsRoutes } from './survey-settings.js';
import { surveyRoutes } from './surveys.js';
import type { RouteContract } from './route.js';

export * from './route.js';
export { Health } from './core.js';

/** Every route of the endpoint, the single list the server and the OpenAPI document share. */
export const API_ROUTES: readonly RouteContract[] = [
  ...coreRoutes,
  ...surveyRoutes,
  ...dossierRoutes,
  ...surveySettingsRoutes,
  ...procedureRoutes,
  ...feedbackRoutes,
  ...resultsRoutes,
  ...logRoutes,
  ...staffRoutes,
];

export function findRoute(method: string, path: string): RouteContract {
  const route = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No contract for ${method} ${path}: add it to @sipas/schema's api/ first.`);
  return route;
}
