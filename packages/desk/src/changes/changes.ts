import { msg, str } from '@lit/localize';
import type { AdminChange, AdminChangeList } from '@sipas/schema';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { vietnamDateTime } from '../shared/time.js';
import { changesStyles } from './changes.styles.js';

/**
 * <sipas-desk-changes>: the "Nhật ký quản trị" admin tab: every admin change of the unit — who,
 * when (Vietnam time), what — newest first, as the server records it. Secrets never appear.
 */
export class SipasDeskChanges extends AdminPanel {
  static override styles = changesStyles;

  static override properties = {
    ...AdminPanel.properties,
    changes: { state: true },
    next: { state: true },
  };

  declare protected changes: AdminChange[] | undefined;
  declare protected next: string | undefined;

  protected override async load(before?: string): Promise<void> {
    const page = await this.admin<AdminChangeList>(`changes?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`);
    this.changes = [...(before ? (this.changes ?? []) : []), ...page.changes];
    this.next = page.next;
  }

  private value(value: unknown): string {
    if (value === null || value === undefined || value === '') return msg('(trống)', { id: 'admin.log.empty' });
    if (value === true) return msg('có', { id: 'admin.log.yes' });
    if (value === false) return msg('không', { id: 'admin.log.no' });
    if (value === 'admin') return msg('Quản trị', { id: 'admin.role.admin' });
    if (value === 'staff') return msg('Cán bộ', { id: 'admin.role.staff' });
    return String(value);
  }

  /** One readable sentence per change. */
  private describe(change: AdminChange): string {
    const t = change.target;
    switch (change.action) {
      case 'account.added':
        return msg(str`Thêm tài khoản ${t} (${this.value(change.detail.role)})`, { id: 'admin.log.accountAdded' });
      case 'account.password_reset':
        return msg(str`Đặt lại mật khẩu của ${t}`, { id: 'admin.log.passwordReset' });
      case 'account.changed': {
        const parts = Object.entries(change.detail as Record<string, { from: unknown; to: unknown }>).map(([key, { from, to }]) => {
          const name = key === 'role' ? msg('vai trò', { id: 'admin.log.role' }) : key === 'disabled' ? msg('bị khóa', { id: 'admin.log.disabled' }) : msg('họ tên', { id: 'admin.log.name' });
          return `${name}: ${this.value(from)} → ${this.value(to)}`;
        });
        return msg(str`Đổi tài khoản ${t}: ${parts.join('; ')}`, { id: 'admin.log.accountChanged' });
      }
      case 'kiosk_key.issued':
        return msg(str`Cấp khóa kiosk ${t}`, { id: 'admin.log.kioskIssued' });
      case 'kiosk_key.paired':
        return msg(str`Máy ${t} đã quét mã và nhận khóa`, { id: 'admin.log.kioskPaired' });
      case 'kiosk_key.revoked':
        return msg(str`Thu hồi khóa kiosk ${t}`, { id: 'admin.log.kioskRevoked' });
      case 'origin.added':
        return msg(str`Cho phép trang ${t}`, { id: 'admin.log.originAdded' });
      case 'origin.removed':
        return msg(str`Bỏ trang ${t}`, { id: 'admin.log.originRemoved' });
      case 'feedback_settings.changed': {
        const parts = Object.entries(change.detail).map(([key, v]) =>
          v && typeof v === 'object' ? `${key}: ${this.value((v as { from: unknown }).from)} → ${this.value((v as { to: unknown }).to)}` : key,
        );
        return msg(str`Đổi cài đặt phản ánh: ${parts.join('; ')}`, { id: 'admin.log.settings' });
      }
      case 'survey_settings.changed': {
        const names: Record<string, string> = {
          fields: msg('lĩnh vực', { id: 'admin.log.survey.fields' }),
          publishedChannels: msg('kênh tính vào chỉ số', { id: 'admin.log.survey.channels' }),
          dossierTokenDays: msg('số ngày dùng mã QR', { id: 'admin.log.survey.days' }),
          surveyUrl: msg('trang khảo sát', { id: 'admin.log.survey.url' }),
        };
        const shown = (v: unknown) => (Array.isArray(v) ? (v.length ? v.join(', ') : msg('(theo danh mục thủ tục)', { id: 'admin.log.survey.catalogue' })) : this.value(v));
        const parts = Object.entries(change.detail as Record<string, { from: unknown; to: unknown }>).map(
          ([key, { from, to }]) => `${names[key] ?? key}: ${shown(from)} → ${shown(to)}`,
        );
        return msg(str`Đổi cài đặt khảo sát: ${parts.join('; ')}`, { id: 'admin.log.survey' });
      }
      case 'holidays.confirmed':
        return msg(str`Xác nhận ngày nghỉ năm ${t} (${this.value(change.detail.days)} ngày nghỉ) theo ${this.value(change.detail.decision)}`, { id: 'admin.log.holidays' });
      case 'holidays.removed':
        return msg(str`Xóa danh sách ngày nghỉ đã xác nhận năm ${t}`, { id: 'admin.log.holidaysRemoved' });
      case 'procedures.imported': {
        const d = change.detail;
        return msg(str`Nhập danh mục thủ tục từ tệp ${t}: thêm ${this.value(d.added)}, sửa ${this.value(d.changed)}, bỏ ${this.value(d.removed)}`, { id: 'admin.log.imported' });
      }
    }
  }

  override render() {
    return html`<h2>${msg('Nhật ký quản trị', { id: 'admin.log.title' })}</h2>
      <p>${msg('Mọi thay đổi ở các thẻ quản trị được ghi lại: ai, lúc nào (giờ Việt Nam), thay đổi gì. Không ai sửa hay xóa được nhật ký từ đây.', { id: 'admin.log.intro' })}</p>
      ${this.io.status('changes-status', this.changes !== undefined)}
      ${this.changes
        ? this.changes.length === 0
          ? html`<p>${msg('Chưa có thay đổi nào.', { id: 'admin.log.none' })}</p>`
          : html`<table>
              <caption class="visually-hidden">${msg('Nhật ký quản trị', { id: 'admin.log.title' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Thời gian', { id: 'admin.log.at' })}</th>
                  <th scope="col">${msg('Người thực hiện', { id: 'admin.log.actor' })}</th>
                  <th scope="col">${msg('Thay đổi', { id: 'admin.log.what' })}</th>
                </tr>
              </thead>
              <tbody>
                ${this.changes.map(
                  (change) => html`<tr>
                    <td data-label=${msg('Thời gian', { id: 'admin.log.at' })}>${vietnamDateTime(change.at)}</td>
                    <td data-label=${msg('Người thực hiện', { id: 'admin.log.actor' })}>${change.actor.name}</td>
                    <td data-label=${msg('Thay đổi', { id: 'admin.log.what' })}>${this.describe(change)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${this.next ? html`<p><button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.io.act(() => this.load(this.next))}>${msg('Xem thêm', { id: 'admin.log.more' })}</button></p>` : nothing}`
        : nothing}`;
  }
}
