import { msg, str } from '@lit/localize';
import type { AdminFeedbackSettings } from '@sipas/schema';
import type { FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { settingsStyles } from './settings.styles.js';

const FIELDS = ['workingDays', 'smtpUrl', 'smtpFrom', 'lookupUrl'] as const;
type Field = (typeof FIELDS)[number];

/**
 * <sipas-desk-settings>: the "Cài đặt phản ánh" admin tab: working days to answer a case, the
 * unit's own mail server for telling senders their answer is published, and the lookup page
 * linked from those emails. The mail password is never sent to the desk: `***` keeps it.
 */
export class SipasDeskSettings extends AdminPanel {
  static override styles = settingsStyles;

  static override properties = {
    ...AdminPanel.properties,
    settings: { state: true },
  };

  declare protected settings: AdminFeedbackSettings | undefined;

  protected override async load(): Promise<void> {
    this.settings = await this.admin<AdminFeedbackSettings>('feedback-settings');
  }

  private save(event: SubmitEvent): Promise<void> {
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: Field) => String(data.get(name) ?? '').trim();
    const days = text('workingDays');
    const errors: FieldError[] = [];
    if (days && !/^\d{1,2}$/.test(days)) errors.push({ field: 'workingDays', message: msg('Nhập số ngày làm việc từ 1 đến 90', { id: 'admin.settings.daysInvalid' }) });
    return this.io.submit(event, errors, async () => {
      this.settings = await this.admin<AdminFeedbackSettings>('feedback-settings', {
        method: 'PUT',
        body: {
          workingDays: days ? Number(days) : null,
          smtpUrl: text('smtpUrl') || null,
          smtpFrom: text('smtpFrom') || null,
          lookupUrl: text('lookupUrl') || null,
        },
      });
      this.io.notice = msg('Đã lưu. Hạn trả lời mới áp dụng cho phản ánh nhận từ bây giờ.', { id: 'admin.settings.saved' });
      return '#settings-status';
    }, { field: 'workingDays', fields: FIELDS });
  }

  private field(id: Field, label: string, value: string, hint: string, type = 'text') {
    return this.io.field({ id, label, value, hint, type });
  }

  override render() {
    const s = this.settings;
    const status = html`<h2>${msg('Cài đặt phản ánh, kiến nghị', { id: 'admin.settings.title' })}</h2>
      ${this.io.status('settings-status', s !== undefined)}`;
    if (!s) return status;
    return html`${status}
      <form class="add" novalidate @submit=${this.save}>
        ${this.io.summary(msg('Chưa lưu được', { id: 'admin.settings.error' }))}
        ${this.field(
          'workingDays',
          msg('Số ngày làm việc để trả lời', { id: 'admin.settings.days' }),
          s.workingDays === undefined ? '' : String(s.workingDays),
          msg(str`Để trống: theo máy chủ (${s.defaultWorkingDays} ngày). Không tính thứ Bảy, Chủ nhật và ngày lễ.`, { id: 'admin.settings.daysHint' }),
          'number',
        )}
        ${this.field(
          'smtpUrl',
          msg('Máy chủ thư (SMTP)', { id: 'admin.settings.smtp' }),
          s.smtpUrl ?? '',
          s.smtpFromServer
            ? msg('Để trống: dùng máy chủ thư chung của máy chủ SIPAS. Dạng smtp://tên:mật-khẩu@máy-chủ:587; *** giữ mật khẩu đã lưu.', { id: 'admin.settings.smtpHintServer' })
            : msg('Để trống: không gửi thư báo cho người phản ánh. Dạng smtp://tên:mật-khẩu@máy-chủ:587; *** giữ mật khẩu đã lưu.', { id: 'admin.settings.smtpHint' }),
        )}
        ${this.field(
          'smtpFrom',
          msg('Người gửi thư', { id: 'admin.settings.from' }),
          s.smtpFrom ?? '',
          msg('Ví dụ: "UBND phường Tân Hòa" <no-reply@tanhoa.gov.vn>', { id: 'admin.settings.fromHint' }),
        )}
        ${this.field(
          'lookupUrl',
          msg('Trang tra cứu phản ánh', { id: 'admin.settings.lookup' }),
          s.lookupUrl ?? '',
          msg('Trang có thành phần phản ánh trên website của đơn vị; thư báo dẫn người dân về đây.', { id: 'admin.settings.lookupHint' }),
          'url',
        )}
        <p class="hint">${msg('Ngày nghỉ lễ do máy chủ tính và quản lý riêng; không đổi ở đây.', { id: 'admin.settings.holidays' })}</p>
        <button type="submit" ?disabled=${this.io.busy}>${msg('Lưu cài đặt', { id: 'admin.settings.save' })}</button>
      </form>`;
  }
}
