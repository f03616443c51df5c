import { defineElement } from '../shared/define.js';
import { SipasSurvey } from './survey.js';

defineElement('sipas-survey', SipasSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-survey': SipasSurvey;
  }
}
