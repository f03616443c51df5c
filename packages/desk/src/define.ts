/**
 * The staff desk entry (dist/desk.js), served by the reference server at /desk/ — the only file
 * that registers desk elements. Each capability is one folder (element + styles) and one tab here.
 */
import { msg } from '@lit/localize';
import { resolveSetting } from '@sipas/widgets/shared/config.js';
import { defineElement } from '@sipas/widgets/shared/define.js';
import { applyLocale } from '@sipas/widgets/shared/localize.js';
import { SipasDeskAccounts } from './accounts/accounts.js';
import { SipasDesk } from './app/desk.js';
import { SipasDeskBallot } from './ballot/ballot.js';
import { SipasDeskChanges } from './changes/changes.js';
import { SipasDeskFeedback } from './feedback/feedback.js';
import { SipasDeskHolidays } from './holidays/holidays.js';
import { SipasDeskImports } from './imports/imports.js';
import { SipasDeskKiosks } from './kiosks/kiosks.js';
import { SipasDeskQrLabel } from './labels/label.js';
import { SipasDeskLabels } from './labels/labels.js';
import { SipasDeskMinutes } from './minutes/minutes.js';
import { SipasDeskOrigins } from './origins/origins.js';
import { SipasDeskReport } from './report/report.js';
import { SipasDeskSettings } from './settings/settings.js';
import { SipasDeskSurvey } from './survey/survey.js';
import { registerDeskPanel } from './shared/panel.js';

defineElement('sipas-desk', SipasDesk);
defineElement('sipas-desk-feedback', SipasDeskFeedback);
defineElement('sipas-desk-ballot', SipasDeskBallot);
defineElement('sipas-desk-minutes', SipasDeskMinutes);
defineElement('sipas-desk-report', SipasDeskReport);
defineElement('sipas-desk-accounts', SipasDeskAccounts);
defineElement('sipas-desk-kiosks', SipasDeskKiosks);
defineElement('sipas-desk-origins', SipasDeskOrigins);
defineElement('sipas-desk-settings', SipasDeskSettings);
defineElement('sipas-desk-changes', SipasDeskChanges);
defineElement('sipas-desk-labels', SipasDeskLabels);
defineElement('sipas-desk-qr-label', SipasDeskQrLabel);
defineElement('sipas-desk-survey', SipasDeskSurvey);
defineElement('sipas-desk-holidays', SipasDeskHolidays);
defineElement('sipas-desk-imports', SipasDeskImports);

// The tabs, in the order staff see them.
registerDeskPanel({ id: 'report', title: () => msg('Báo cáo', { id: 'badge.report.tab' }), tag: 'sipas-desk-report' });
registerDeskPanel({ id: 'feedback', title: () => msg('Phản ánh, kiến nghị', { id: 'feedback.nav' }), tag: 'sipas-desk-feedback' });
registerDeskPanel({ id: 'labels', title: () => msg('Nhãn QR hồ sơ', { id: 'desk.label.title' }), tag: 'sipas-desk-labels' });
registerDeskPanel({ id: 'ballot', title: () => msg('Hòm phiếu', { id: 'ballot.tab' }), tag: 'sipas-desk-ballot' });
// Admin tabs: only a unit's admins see them (and only they pass the server's check).
registerDeskPanel({ id: 'accounts', title: () => msg('Tài khoản', { id: 'admin.tab.accounts' }), tag: 'sipas-desk-accounts', role: 'admin' });
registerDeskPanel({ id: 'kiosks', title: () => msg('Kiosk', { id: 'admin.tab.kiosks' }), tag: 'sipas-desk-kiosks', role: 'admin' });
registerDeskPanel({ id: 'origins', title: () => msg('Trang web được phép', { id: 'admin.origin.title' }), tag: 'sipas-desk-origins', role: 'admin' });
registerDeskPanel({ id: 'settings', title: () => msg('Cài đặt phản ánh', { id: 'admin.tab.settings' }), tag: 'sipas-desk-settings', role: 'admin' });
registerDeskPanel({ id: 'survey', title: () => msg('Cài đặt khảo sát', { id: 'admin.survey.title' }), tag: 'sipas-desk-survey', role: 'admin' });
registerDeskPanel({ id: 'holidays', title: () => msg('Ngày nghỉ lễ', { id: 'admin.tab.holidays' }), tag: 'sipas-desk-holidays', role: 'admin' });
registerDeskPanel({ id: 'imports', title: () => msg('Nhập thủ tục', { id: 'admin.tab.imports' }), tag: 'sipas-desk-imports', role: 'admin' });
registerDeskPanel({ id: 'changes', title: () => msg('Nhật ký quản trị', { id: 'admin.log.title' }), tag: 'sipas-desk-changes', role: 'admin' });

declare global {
  interface HTMLElementTagNameMap {
    'sipas-desk': SipasDesk;
    'sipas-desk-feedback': SipasDeskFeedback;
    'sipas-desk-ballot': SipasDeskBallot;
    'sipas-desk-minutes': SipasDeskMinutes;
    'sipas-desk-report': SipasDeskReport;
    'sipas-desk-accounts': SipasDeskAccounts;
    'sipas-desk-kiosks': SipasDeskKiosks;
    'sipas-desk-origins': SipasDeskOrigins;
    'sipas-desk-settings': SipasDeskSettings;
    'sipas-desk-changes': SipasDeskChanges;
    'sipas-desk-labels': SipasDeskLabels;
    'sipas-desk-qr-label': SipasDeskQrLabel;
    'sipas-desk-survey': SipasDeskSurvey;
    'sipas-desk-holidays': SipasDeskHolidays;
    'sipas-desk-imports': SipasDeskImports;
  }
}

applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
