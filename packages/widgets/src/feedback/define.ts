import { defineElement } from '../shared/define.js';
import { SipasFeedback } from './feedback.js';

defineElement('sipas-feedback', SipasFeedback);

/** `import '@sipas/widgets/feedback'` registers <sipas-feedback> alone; the class is exported for typing and subclassing. */
export { SipasFeedback };

declare global {
  interface HTMLElementTagNameMap {
    'sipas-feedback': SipasFeedback;
  }
}
