/** The npm entry of @sipas/desk: the element classes, without registering anything (see define.ts). */
export { SipasDeskAccounts } from './accounts/accounts.js';
export { SipasDesk } from './app/desk.js';
export { SipasDeskBallot } from './ballot/ballot.js';
export { SipasDeskChanges } from './changes/changes.js';
export { SipasDeskFeedback } from './feedback/feedback.js';
export { SipasDeskKiosks } from './kiosks/kiosks.js';
export { SipasDeskMinutes } from './minutes/minutes.js';
export { SipasDeskOrigins } from './origins/origins.js';
export { SipasDeskReport } from './report/report.js';
export { SipasDeskSettings } from './settings/settings.js';
export { DeskPanel, registerDeskPanel, deskPanels, SESSION_EXPIRED, type DeskPanelDefinition } from './shared/panel.js';
