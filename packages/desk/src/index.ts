/** The npm entry of @sipas/desk: the element classes, without registering anything (see define.ts). */
export { SipasDesk } from './app/desk.js';
export { SipasDeskBallot } from './ballot/ballot.js';
export { SipasDeskFeedback } from './feedback/feedback.js';
export { SipasDeskMinutes } from './minutes/minutes.js';
export { SipasDeskReport } from './report/report.js';
export { DeskPanel, registerDeskPanel, deskPanels, SESSION_EXPIRED, type DeskPanelDefinition } from './shared/panel.js';
