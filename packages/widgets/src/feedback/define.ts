import { defineElement } from '../shared/define.js';
import { SipasFeedback } from './feedback.js';

defineElement('sipas-feedback', SipasFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-feedback': SipasFeedback;
  }
}
