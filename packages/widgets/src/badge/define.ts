import { defineElement } from '../shared/define.js';
import { SipasBadge } from './badge.js';

defineElement('sipas-badge', SipasBadge);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-badge': SipasBadge;
  }
}
