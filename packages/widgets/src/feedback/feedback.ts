import { msg } from '@lit/localize';
import { html } from 'lit';
import { SipasElement } from '../shared/element.js';
import { styles } from './feedback.styles.js';

/**
 * <sipas-feedback>: (skeleton, built by its own issue).
 */
export class SipasFeedback extends SipasElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Đang tải…', { id: 'common.loading' })}</p>`;
  }
}
