// The script tag's <sipas-procedures> chunk. It registers only when the loader says so, after `start`
// (re-exported from the core, so a page needs no extra file) has told the shared code where the
// loader's script tag is.
import { defineElement } from '../shared/define.js';
export { start } from './core.js';
import { SipasProcedures } from '../procedures/procedures.js';

export const define = (): void => defineElement('sipas-procedures', SipasProcedures);
