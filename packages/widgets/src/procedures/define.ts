import { defineElement } from '../shared/define.js';
import { SipasProcedures } from './procedures.js';

defineElement('sipas-procedures', SipasProcedures);

/** `import '@sipas/widgets/procedures'` registers <sipas-procedures> alone; the class is exported for typing and subclassing. */
export { SipasProcedures };

declare global {
  interface HTMLElementTagNameMap {
    'sipas-procedures': SipasProcedures;
  }
}
