/**
 * The script-tag entry: registers every element, starts the offline outbox (so a response
 * queued on any page is delivered from any page with the script), and applies the locale.
 */
import { resolveSetting } from './shared/config.js';
import { applyLocale, setLocale } from './shared/localize.js';
import { startOutbox } from './shared/outbox.js';
import './survey/define.js';
import './procedures/define.js';
import './feedback/define.js';
import './badge/define.js';

export { setLocale };

applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
startOutbox();
