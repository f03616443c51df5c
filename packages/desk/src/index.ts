/** The npm entry of @sipas/desk: the element classes, without registering anything (see define.ts). */
export { SipasDeskAccounts } from './accounts/accounts.js';
export { SipasDesk } from './app/desk.js';
export { SipasDeskBallot } from './ballot/ballot.js';
export { SipasDeskChanges } from './changes/changes.js';
export { SipasDeskFeedback } from './feedback/feedback.js';
export { SipasDeskHolidays } from './holidays/holidays.js';
export { SipasDeskImports } from './imports/imports.js';
export { SipasDeskKiosks } from './kiosks/kiosks.js';
export { SipasDeskQrLabel } from './labels/label.js';
export { SipasDeskLabels } from './labels/labels.js';
export { SipasDeskMinutes } from './minutes/minutes.js';
export { SipasDeskOrigins } from './origins/origins.js';
export { SipasDeskReport } from './report/report.js';
export { SipasDeskSettings } from './settings/settings.js';
export { SipasDeskSurvey } from './survey/survey.js';
export { DeskPanel, registerDeskPanel, deskPanels, SESSION_EXPIRED, type DeskPanelDefinition } from './shared/panel.js';
