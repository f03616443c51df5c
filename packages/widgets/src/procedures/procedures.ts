import { msg } from '@lit/localize';
import { html } from 'lit';
import { SipasElement } from '../shared/element.js';
import { styles } from './procedures.styles.js';

/**
 * <sipas-procedures>: (skeleton, built by its own issue).
 */
export class SipasProcedures extends SipasElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Đang tải…', { id: 'common.loading' })}</p>`;
  }
}
