import { msg } from '@lit/localize';
import { html } from 'lit';
import { SipasElement } from '../shared/element.js';
import { styles } from './badge.styles.js';

/**
 * <sipas-badge>: (skeleton, built by its own issue).
 */
export class SipasBadge extends SipasElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Đang tải…', { id: 'common.loading' })}</p>`;
  }
}
