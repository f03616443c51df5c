// The script tag's <sipas-badge> chunk. It registers only when the loader says so, after `start`
// (re-exported from the core, so a page needs no extra file) has told the shared code where the
// loader's script tag is.
import { defineElement } from '../shared/define.js';
export { start } from './core.js';
import { SipasBadge } from '../badge/badge.js';

export const define = (): void => defineElement('sipas-badge', SipasBadge);
