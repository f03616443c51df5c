import { defineElement } from '../shared/define.js';
import { SipasBadge } from './badge.js';

defineElement('sipas-badge', SipasBadge);

/** `import '@sipas/widgets/badge'` registers <sipas-badge> alone; the class is exported for typing and subclassing. */
export { SipasBadge };

declare global {
  interface HTMLElementTagNameMap {
    'sipas-badge': SipasBadge;
  }
}
