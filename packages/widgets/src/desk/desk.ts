/**
 * The staff desk entry (dist/desk.js), served by the reference server at /desk/. Each staff
 * capability registers its panel (a tab) here, one import per capability.
 */
import { defineElement } from '../shared/define.js';
import { resolveSetting } from '../shared/config.js';
import { applyLocale } from '../shared/localize.js';
import { SipasDesk } from './desk-app.js';
import { registerBallotPanel } from './ballot-panel.js';
import './report-panel.js';
import { registerFeedbackPanel } from './feedback-panel.js';

defineElement('sipas-desk', SipasDesk);
registerFeedbackPanel();
registerBallotPanel();

declare global {
  interface HTMLElementTagNameMap {
    'sipas-desk': SipasDesk;
  }
}

applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
