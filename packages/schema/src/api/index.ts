import { adminRoutes } from './admin.js';
import { coreRoutes } from './core.js';
import { dossierRoutes } from './dossiers.js';
import { feedbackRoutes } from './feedback.js';
import { logRoutes } from './log.js';
import { operationsRoutes } from './operations.js';
import { procedureRoutes } from './procedures.js';
import { resultsRoutes } from './results.js';
import { staffRoutes } from './staff.js';
import { surveySettingsRoutes } from './survey-settings.js';
import { surveyRoutes } from './surveys.js';
import type { HttpMethod, RouteContract } from './route.js';

export * from './route.js';
export * from './permissions.js';
export { Health } from './core.js';

/**
 * Every route of the endpoint as a tuple of exact types, so the server's handlers get their params,
 * query and body types from it (see ApiRoute).
 */
const API_CONTRACT = [
  ...coreRoutes,
  ...surveyRoutes,
  ...dossierRoutes,
  ...surveySettingsRoutes,
  ...procedureRoutes,
  ...feedbackRoutes,
  ...resultsRoutes,
  ...logRoutes,
  ...staffRoutes,
  ...operationsRoutes,
  ...adminRoutes,
] as const satisfies readonly RouteContract[];

/** Every route of the endpoint, the single list the server and the OpenAPI document share. */
export const API_ROUTES: readonly RouteContract[] = API_CONTRACT;

/** One route of the contract, by method and path, with its exact schema types. */
export type ApiRoute<M extends HttpMethod = HttpMethod, P extends string = string> = Extract<
  (typeof API_CONTRACT)[number],
  { readonly method: M; readonly path: P }
>;
/** The contract's paths for a method: a path not in the contract is a type error. */
export type ApiPath<M extends HttpMethod> = ApiRoute<M>['path'];

export function findRoute(method: string, path: string): RouteContract {
  const route = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No contract for ${method} ${path}: add it to @sipas/schema's api/ first.`);
  return route;
}
