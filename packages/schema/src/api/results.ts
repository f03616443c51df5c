import type { RouteContract } from './route.js';

/** Results and report routes: filled in with the results capability. */
export const resultsRoutes: RouteContract[] = [];
