/**
 * The staff desk entry (dist/desk.js), served by the reference server at /desk/ — the only file
 * that registers desk elements. Each capability is one folder (element + styles) and one tab here.
 */
import { msg } from '@lit/localize';
import { resolveSetting } from '@sipas/widgets/shared/config.js';
import { defineElement } from '@sipas/widgets/shared/define.js';
import { applyLocale } from '@sipas/widgets/shared/localize.js';
import { SipasDesk } from './app/desk.js';
import { SipasDeskBallot } from './ballot/ballot.js';
import { SipasDeskFeedback } from './feedback/feedback.js';
import { SipasDeskMinutes } from './minutes/minutes.js';
import { SipasDeskReport } from './report/report.js';
import { registerDeskPanel } from './shared/panel.js';

defineElement('sipas-desk', SipasDesk);
defineElement('sipas-desk-feedback', SipasDeskFeedback);
defineElement('sipas-desk-ballot', SipasDeskBallot);
defineElement('sipas-desk-minutes', SipasDeskMinutes);
defineElement('sipas-desk-report', SipasDeskReport);

// The tabs, in the order staff see them.
registerDeskPanel({ id: 'report', title: () => msg('Báo cáo', { id: 'badge.report.tab' }), tag: 'sipas-desk-report' });
registerDeskPanel({ id: 'feedback', title: () => msg('Phản ánh, kiến nghị', { id: 'feedback.nav' }), tag: 'sipas-desk-feedback' });
registerDeskPanel({ id: 'ballot', title: () => msg('Hòm phiếu', { id: 'ballot.tab' }), tag: 'sipas-desk-ballot' });

declare global {
  interface HTMLElementTagNameMap {
    'sipas-desk': SipasDesk;
    'sipas-desk-feedback': SipasDeskFeedback;
    'sipas-desk-ballot': SipasDeskBallot;
    'sipas-desk-minutes': SipasDeskMinutes;
    'sipas-desk-report': SipasDeskReport;
  }
}

applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
