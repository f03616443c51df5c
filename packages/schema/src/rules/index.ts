/**
 * `@sipas/schema/rules`: every rule the browser needs, without zod — answer and feedback
 * validation, codes, Vietnam time, labels' ids, number formats, search folding, procedure
 * summaries. The widgets import runtime values from here only (types may come from the root), and
 * the ids they make from `@sipas/schema/rules/ids` (apart, so the script tag's build can put it with
 * the sending code: vite.config.ts);
 * test/rules.test.ts keeps this folder free of zod and of imports from outside it.
 */
export * from './answers.js';
export * from './codes.js';
export * from './feedback.js';
export * from './labels.js';
export * from './numbers.js';
export * from './procedures.js';
export * from './text.js';
export * from './time.js';
