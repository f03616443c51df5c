import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { SipasElement } from '@sipas/widgets/shared/element.js';
import { qrCode, qrViewBox } from '../kiosks/qr.js';
import { calendarDate } from '../shared/time.js';

/**
 * <sipas-desk-qr-label>: one dossier's QR label as it is stuck on the receipt (phiếu hẹn): the QR
 * code of the survey page with the signed token, the dossier code in text for the citizen and the
 * clerk, and until when it can be used. The desk shows it and prints a copy of it alone.
 */
export class SipasDeskQrLabel extends SipasElement {
  static override styles = css`
    :host {
      display: inline-block;
      color: #000;
      background: #fff;
      font-family: system-ui, 'Segoe UI', Roboto, Arial, sans-serif;
    }
    figure {
      margin: 0;
      padding: 3mm;
      border: 1px dashed #666;
      width: 56mm;
      max-width: 100%;
      box-sizing: border-box;
      text-align: center;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
    }
    .dossier {
      font: 700 1.05rem/1.3 ui-monospace, Consolas, monospace;
      word-break: break-all;
      margin: 1mm 0 0;
    }
    figcaption p {
      margin: 0.5mm 0 0;
      font-size: 0.8rem;
      line-height: 1.3;
    }
    @media print {
      figure {
        border: 0;
      }
    }
  `;

  static override properties = {
    ...SipasElement.properties,
    url: { type: String },
    dossier: { type: String },
    procedure: { type: String },
    expires: { type: String },
  };

  declare url: string | undefined;
  declare dossier: string | undefined;
  declare procedure: string | undefined;
  declare expires: string | undefined;

  override render() {
    if (!this.url || !this.dossier) return nothing;
    return html`<figure>
      <svg viewBox=${qrViewBox(this.url)} role="img" shape-rendering="crispEdges"
        aria-label=${msg(str`Mã QR đánh giá hồ sơ ${this.dossier}`, { id: 'desk.label.qr' })}>
        ${qrCode(this.url)}
      </svg>
      <figcaption>
        <p class="dossier">${this.dossier}</p>
        ${this.procedure ? html`<p>${msg(str`Thủ tục ${this.procedure}`, { id: 'desk.label.procedure' })}</p>` : nothing}
        <p>${msg('Quét mã để đánh giá sự hài lòng', { id: 'desk.label.scan' })}</p>
        ${this.expires ? html`<p>${msg(str`Dùng được đến ngày ${calendarDate(this.expires)}`, { id: 'desk.label.expires' })}</p>` : nothing}
      </figcaption>
    </figure>`;
  }
}
