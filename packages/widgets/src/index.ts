/**
 * The npm entry: element classes and helpers, without registering anything. Register with
 * `import '@sipas/widgets/define'` (all elements) or define a class under your own tag.
 */
export { SipasSurvey } from './survey/survey.js';
export { SipasProcedures } from './procedures/procedures.js';
export { SipasFeedback } from './feedback/feedback.js';
export { SipasBadge } from './badge/badge.js';
export { SipasElement } from './shared/element.js';
export { setLocale, getLocale } from './shared/localize.js';
export { flushOutbox, pendingEntries, startOutbox } from './shared/outbox.js';
export { HttpError, NetworkError, TimeoutError, isRetryable } from './shared/client.js';
export { VERSION } from './shared/version.js';
// The script tag's global and page settings (`window.SipasWidgets`, `window.SIPAS`), typed.
export type { SipasWidgetsGlobal, SipasGlobalConfig } from './global.js';
