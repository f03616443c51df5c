import { msg, str } from '@lit/localize';
import type { IssuedKioskKey, KioskKey, KioskKeyList } from '@sipas/schema';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { vietnamDateTime } from '../shared/time.js';
import { kiosksStyles } from './kiosks.styles.js';
import { qrCode, qrViewBox } from './qr.js';

/**
 * <sipas-desk-kiosks>: the "Kiosk" admin tab. An admin names a counter tablet and gets a QR code;
 * the tablet scans it and opens the kiosk page with its own key (the code works once, for 30
 * minutes). A lost tablet's key is revoked here and refused from the next response on.
 */
export class SipasDeskKiosks extends AdminPanel {
  static override styles = kiosksStyles;

  static override properties = {
    ...AdminPanel.properties,
    keys: { state: true },
    issued: { state: true },
    errors: { state: true },
    listError: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare protected keys: KioskKey[] | undefined;
  declare protected issued: IssuedKioskKey | undefined;
  declare protected errors: FieldError[];
  declare protected listError: string | undefined;
  declare protected notice: string | undefined;
  declare protected busy: boolean;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.keys = (await this.admin<KioskKeyList>('kiosk-keys')).keys;
    } catch (error) {
      this.listError = this.problemErrors(error, 'list')[0]!.message;
    }
  }

  private async issue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const label = String(new FormData(form).get('label') ?? '').trim();
    this.errors = label ? [] : [{ field: 'label', message: msg('Nhập tên máy, ví dụ Quầy 1', { id: 'admin.kiosk.labelRequired' }) }];
    if (this.errors.length === 0) {
      this.busy = true;
      try {
        this.issued = await this.admin<IssuedKioskKey>('kiosk-keys', { method: 'POST', body: { label } });
        form.reset();
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.once')?.focus();
        await this.load();
        return;
      } catch (error) {
        this.errors = this.problemErrors(error, 'label', ['label']);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private async revoke(key: KioskKey): Promise<void> {
    this.busy = true;
    this.listError = undefined;
    try {
      await this.admin(`kiosk-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
      if (this.issued?.key.id === key.id) this.issued = undefined;
      this.notice = msg(str`Đã thu hồi khóa ${key.label}: máy đó không gửi được phiếu nữa.`, { id: 'admin.kiosk.revoked' });
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#kiosk-status')?.focus();
    } catch (error) {
      this.listError = this.problemErrors(error, 'list')[0]!.message;
    } finally {
      this.busy = false;
    }
  }

  private state(key: KioskKey): string {
    if (key.pairedAt) return msg(str`Đã ghép nối lúc ${vietnamDateTime(key.pairedAt)}`, { id: 'admin.kiosk.paired' });
    if (key.pairingExpiresAt && key.pairingExpiresAt > new Date().toISOString()) {
      return msg(str`Chờ quét mã đến ${vietnamDateTime(key.pairingExpiresAt)}`, { id: 'admin.kiosk.waiting' });
    }
    return msg('Mã ghép nối đã hết hạn: thu hồi rồi cấp lại', { id: 'admin.kiosk.expired' });
  }

  private renderIssued(issued: IssuedKioskKey) {
    return html`<div class="once" tabindex="-1" role="region" aria-labelledby="issued-title">
      <h3 id="issued-title">${msg(str`Mã QR ghép nối cho ${issued.key.label}`, { id: 'admin.kiosk.qrTitle' })}</h3>
      <div class="pairing">
        <svg viewBox=${qrViewBox(issued.pairingUrl)} role="img" shape-rendering="crispEdges"
          aria-label=${msg(str`Mã QR ghép nối máy ${issued.key.label}`, { id: 'admin.kiosk.qrLabel' })}>
          ${qrCode(issued.pairingUrl)}
        </svg>
        <div class="steps">
          <ol>
            <li>${msg('Trên máy tính bảng tại quầy, mở ứng dụng máy ảnh và quét mã này.', { id: 'admin.kiosk.step1' })}</li>
            <li>${msg('Mở địa chỉ hiện ra: trang kiosk tự nhận khóa và hiện phiếu khảo sát.', { id: 'admin.kiosk.step2' })}</li>
            <li>${msg('Ghim trang đó (toàn màn hình) để người dân đánh giá.', { id: 'admin.kiosk.step3' })}</li>
          </ol>
          <p>${msg(str`Mã dùng một lần, hết hạn lúc ${vietnamDateTime(issued.expiresAt)}.`, { id: 'admin.kiosk.expires' })}</p>
          <p>${msg('Không quét được? Gõ địa chỉ này trên máy tính bảng:', { id: 'admin.kiosk.typeUrl' })}</p>
          <p class="url">${issued.pairingUrl}</p>
          <button type="button" class="secondary" @click=${() => (this.issued = undefined)}>${msg('Xong, ẩn mã', { id: 'admin.kiosk.hide' })}</button>
        </div>
      </div>
    </div>`;
  }

  override render() {
    const invalid = this.errors.some((e) => e.field === 'label');
    return html`<h2>${msg('Kiosk tại quầy', { id: 'admin.kiosk.title' })}</h2>
      <p>
        ${msg('Mỗi máy tính bảng tại Bộ phận Một cửa có một khóa riêng, để giới hạn số lần gửi theo địa chỉ mạng không chặn quầy đông người.', {
          id: 'admin.kiosk.intro',
        })}
      </p>
      ${this.issued ? this.renderIssued(this.issued) : nothing}
      <form class="add" novalidate @submit=${this.issue}>
        ${errorSummary(msg('Chưa cấp được khóa', { id: 'admin.kiosk.error' }), this.errors, (field) => focusField(this.shadowRoot, field))}
        <label for="label">${msg('Tên máy', { id: 'admin.kiosk.label' })}</label>
        ${invalid ? html`<span class="field-error" id="label-error">${this.errors[0]!.message}</span>` : nothing}
        <input id="label" name="label" autocomplete="off" placeholder=${msg('Quầy 1', { id: 'admin.kiosk.placeholder' })}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'label-error' : nothing} />
        <p><button type="submit" ?disabled=${this.busy}>${msg('Cấp khóa và hiện mã QR', { id: 'admin.kiosk.issue' })}</button></p>
      </form>
      <p id="kiosk-status" tabindex="-1" role="status" class=${this.listError ? 'field-error' : ''}>${this.listError ?? this.notice ?? ''}</p>
      ${this.keys
        ? this.keys.length === 0
          ? html`<p>${msg('Chưa có khóa kiosk nào.', { id: 'admin.kiosk.none' })}</p>`
          : html`<table>
              <caption>${msg('Khóa đang hiệu lực', { id: 'admin.kiosk.list' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Tên máy', { id: 'admin.kiosk.label' })}</th>
                  <th scope="col">${msg('Cấp lúc', { id: 'admin.kiosk.created' })}</th>
                  <th scope="col">${msg('Trạng thái', { id: 'admin.state' })}</th>
                  <th scope="col">${msg('Thao tác', { id: 'admin.actions' })}</th>
                </tr>
              </thead>
              <tbody>
                ${this.keys.map(
                  (key) => html`<tr>
                    <td data-label=${msg('Tên máy', { id: 'admin.kiosk.label' })}>${key.label}</td>
                    <td data-label=${msg('Cấp lúc', { id: 'admin.kiosk.created' })}>
                      ${vietnamDateTime(key.createdAt)}${key.createdBy ? html`<br /><span class="muted">${key.createdBy}</span>` : nothing}
                    </td>
                    <td data-label=${msg('Trạng thái', { id: 'admin.state' })}>${this.state(key)}</td>
                    <td class="actions">
                      <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.revoke(key)}
                        aria-label=${msg(str`Thu hồi khóa ${key.label}`, { id: 'admin.kiosk.revoke.label' })}>
                        ${msg('Thu hồi', { id: 'admin.kiosk.revoke' })}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
        : html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`}`;
  }
}
