import { msg, str } from '@lit/localize';
import { checkOrigin, type AllowedOrigins } from '@sipas/schema';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { originsStyles } from './origins.styles.js';

/** `?them-trang=https://…` on the desk's address: the configurator's "allow this site" link. */
export const ADD_ORIGIN_PARAM = 'them-trang';

/**
 * <sipas-desk-origins>: the "Trang web được phép" admin tab. The sites (origins) whose pages may
 * use the unit's elements; a change applies at once, without restarting the server. An address
 * is checked here exactly as the server checks it (`checkOrigin` from the schema).
 */
export class SipasDeskOrigins extends AdminPanel {
  static override styles = originsStyles;

  static override properties = {
    ...AdminPanel.properties,
    origins: { state: true },
  };

  declare protected origins: string[] | undefined;

  protected override async load(): Promise<void> {
    this.origins = (await this.admin<AllowedOrigins>('origins')).origins;
  }

  private get proposed(): string {
    return new URLSearchParams(location.search).get(ADD_ORIGIN_PARAM) ?? '';
  }

  private add(event: SubmitEvent): Promise<void> {
    const form = event.target as HTMLFormElement;
    const typed = String(new FormData(form).get('origin') ?? '').trim();
    const checked = checkOrigin(typed);
    const errors = !typed
      ? [{ field: 'origin', message: msg('Nhập địa chỉ trang web, ví dụ https://tanhoa.hanoi.gov.vn', { id: 'admin.origin.required' }) }]
      : checked.ok
        ? []
        : [{ field: 'origin', message: checked.message }];
    return this.io.submit(event, errors, async () => {
      if (!checked.ok) return;
      this.origins = (await this.admin<AllowedOrigins>('origins', { method: 'POST', body: { origin: checked.origin } })).origins;
      this.io.notice = msg(str`Đã cho phép ${checked.origin}. Trang trên địa chỉ này dùng được ngay, không cần khởi động lại máy chủ.`, {
        id: 'admin.origin.added',
      });
      form.reset();
    }, { field: 'origin', fields: ['origin'] });
  }

  private removeOrigin(origin: string): Promise<void> {
    return this.io.act(async () => {
      this.origins = (await this.admin<AllowedOrigins>(`origins?origin=${encodeURIComponent(origin)}`, { method: 'DELETE' })).origins;
      return msg(str`Đã bỏ ${origin}.`, { id: 'admin.origin.removed' });
    });
  }

  override render() {
    return html`<h2>${msg('Trang web được phép', { id: 'admin.origin.title' })}</h2>
      <p>
        ${msg('Chỉ trang trên các địa chỉ dưới đây mới dùng được khảo sát, thủ tục, phản ánh và kết quả của đơn vị. Trang ở địa chỉ khác sẽ báo cho người dân: "Dịch vụ này chưa được thiết lập trên trang web này".', {
          id: 'admin.origin.intro',
        })}
      </p>
      ${this.io.status('origins-status', this.origins !== undefined)}
      ${this.origins
        ? this.origins.length === 0
          ? html`<p>${msg('Chưa có trang nào.', { id: 'admin.origin.none' })}</p>`
          : html`<ul class="origins" aria-label=${msg('Các trang được phép', { id: 'admin.origin.list' })}>
              ${this.origins.map(
                (origin) => html`<li>
                  <span class="origin">${origin}</span>
                  <button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.removeOrigin(origin)}
                    aria-label=${msg(str`Bỏ ${origin}`, { id: 'admin.origin.remove.label' })}>
                    ${msg('Bỏ', { id: 'admin.origin.remove' })}
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      <form class="add" novalidate @submit=${this.add}>
        ${this.io.summary(msg('Chưa thêm được trang', { id: 'admin.origin.error' }))}
        ${this.io.field({
          id: 'origin',
          label: msg('Địa chỉ trang web', { id: 'admin.origin.label' }),
          hint: msg('Chỉ phần đầu địa chỉ: https:// và tên miền (có cổng nếu có), không có đường dẫn. Ví dụ https://tanhoa.hanoi.gov.vn', {
            id: 'admin.origin.hint',
          }),
          type: 'url',
          inputmode: 'url',
          autocomplete: 'url',
          value: this.proposed,
        })}
        <p><button type="submit" ?disabled=${this.io.busy}>${msg('Cho phép trang này', { id: 'admin.origin.add' })}</button></p>
      </form>`;
  }
}
