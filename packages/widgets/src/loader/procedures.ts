// <sipas-procedures> for the script tag. Registers only when the loader says so: after `start` has told the
// shared code where the loader's script tag is (vite.config.ts bundles it with the core as the
// page's first element, or alone, reading the core from that first bundle, when added later).
import { defineElement } from '../shared/define.js';
import { SipasProcedures } from '../procedures/procedures.js';

export const define = (): void => defineElement('sipas-procedures', SipasProcedures);
