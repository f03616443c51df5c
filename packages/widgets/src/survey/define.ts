import { defineElement } from '../shared/define.js';
import { SipasSurvey } from './survey.js';

defineElement('sipas-survey', SipasSurvey);

/** `import '@sipas/widgets/survey'` registers <sipas-survey> alone; the class is exported for typing and subclassing. */
export { SipasSurvey };

declare global {
  interface HTMLElementTagNameMap {
    'sipas-survey': SipasSurvey;
  }
}
