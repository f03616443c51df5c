import { msg, str } from '@lit/localize';
import type { IssuedKioskKey, KioskKey, KioskKeyList } from '@sipas/schema';
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
  };

  declare protected keys: KioskKey[] | undefined;
  declare protected issued: IssuedKioskKey | undefined;

  protected override async load(): Promise<void> {
    this.keys = (await this.admin<KioskKeyList>('kiosk-keys')).keys;
  }

  private issue(event: SubmitEvent): Promise<void> {
    const form = event.target as HTMLFormElement;
    const label = String(new FormData(form).get('label') ?? '').trim();
    const errors = label ? [] : [{ field: 'label', message: msg('Nhập tên máy, ví dụ Quầy 1', { id: 'admin.kiosk.labelRequired' }) }];
    return this.io.submit(event, errors, async () => {
      this.issued = await this.admin<IssuedKioskKey>('kiosk-keys', { method: 'POST', body: { label } });
      form.reset();
      await this.io.load();
      return '.once';
    }, { field: 'label', fields: ['label'] });
  }

  private revoke(key: KioskKey): Promise<void> {
    return this.io.act(async () => {
      await this.admin(`kiosk-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
      if (this.issued?.key.id === key.id) this.issued = undefined;
      await this.io.load();
      return msg(str`Đã thu hồi khóa ${key.label}: máy đó không gửi được phiếu nữa.`, { id: 'admin.kiosk.revoked' });
    });
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
    return html`<h2>${msg('Kiosk tại quầy', { id: 'admin.kiosk.title' })}</h2>
      <p>
        ${msg('Mỗi máy tính bảng tại Bộ phận Một cửa có một khóa riêng, để giới hạn số lần gửi theo địa chỉ mạng không chặn quầy đông người.', {
          id: 'admin.kiosk.intro',
        })}
      </p>
      ${this.issued ? this.renderIssued(this.issued) : nothing}
      <form class="add" novalidate @submit=${this.issue}>
        ${this.io.summary(msg('Chưa cấp được khóa', { id: 'admin.kiosk.error' }))}
        ${this.io.field({ id: 'label', label: msg('Tên máy', { id: 'admin.kiosk.label' }), placeholder: msg('Quầy 1', { id: 'admin.kiosk.placeholder' }) })}
        <p><button type="submit" ?disabled=${this.io.busy}>${msg('Cấp khóa và hiện mã QR', { id: 'admin.kiosk.issue' })}</button></p>
      </form>
      ${this.io.status('kiosk-status', this.keys !== undefined)}
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
                      <button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.revoke(key)}
                        aria-label=${msg(str`Thu hồi khóa ${key.label}`, { id: 'admin.kiosk.revoke.label' })}>
                        ${msg('Thu hồi', { id: 'admin.kiosk.revoke' })}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
        : nothing}`;
  }
}
