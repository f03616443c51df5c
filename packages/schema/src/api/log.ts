import type { RouteContract } from './route.js';

/** Sealed ballot-box log routes: filled in with the ballot-box capability. */
export const logRoutes: RouteContract[] = [];
