import type { RouteContract } from './route.js';

/** Feedback (PAKN) routes: filled in with the feedback capability. */
export const feedbackRoutes: RouteContract[] = [];
