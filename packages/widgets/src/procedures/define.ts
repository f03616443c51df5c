import { defineElement } from '../shared/define.js';
import { SipasProcedures } from './procedures.js';

defineElement('sipas-procedures', SipasProcedures);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-procedures': SipasProcedures;
  }
}
