import { msg, str } from '@lit/localize';
import { checkOrigin, type AllowedOrigins } from '@sipas/schema';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
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
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare protected origins: string[] | undefined;
  declare protected errors: FieldError[];
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
      this.origins = (await this.admin<AllowedOrigins>('origins')).origins;
    } catch (error) {
      this.notice = this.problemErrors(error, 'origin')[0]!.message;
    }
  }

  private get proposed(): string {
    return new URLSearchParams(location.search).get(ADD_ORIGIN_PARAM) ?? '';
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const typed = String(new FormData(form).get('origin') ?? '').trim();
    const checked = checkOrigin(typed);
    this.errors = typed
      ? checked.ok
        ? []
        : [{ field: 'origin', message: checked.message }]
      : [{ field: 'origin', message: msg('Nhập địa chỉ trang web, ví dụ https://tanhoa.hanoi.gov.vn', { id: 'admin.origin.required' }) }];
    if (this.errors.length === 0 && checked.ok) {
      this.busy = true;
      try {
        this.origins = (await this.admin<AllowedOrigins>('origins', { method: 'POST', body: { origin: checked.origin } })).origins;
        this.notice = msg(str`Đã cho phép ${checked.origin}. Trang trên địa chỉ này dùng được ngay, không cần khởi động lại máy chủ.`, {
          id: 'admin.origin.added',
        });
        form.reset();
        return;
      } catch (error) {
        this.errors = this.problemErrors(error, 'origin', ['origin']);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private async removeOrigin(origin: string): Promise<void> {
    this.busy = true;
    try {
      this.origins = (await this.admin<AllowedOrigins>(`origins?origin=${encodeURIComponent(origin)}`, { method: 'DELETE' })).origins;
      this.notice = msg(str`Đã bỏ ${origin}.`, { id: 'admin.origin.removed' });
    } catch (error) {
      this.notice = this.problemErrors(error, 'origin')[0]!.message;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#origins-status')?.focus();
  }

  override render() {
    const invalid = this.errors.some((e) => e.field === 'origin');
    const describedBy = ['origin-hint', invalid ? 'origin-error' : ''].filter(Boolean).join(' ');
    return html`<h2>${msg('Trang web được phép', { id: 'admin.origin.title' })}</h2>
      <p>
        ${msg('Chỉ trang trên các địa chỉ dưới đây mới dùng được khảo sát, thủ tục, phản ánh và kết quả của đơn vị. Trang ở địa chỉ khác sẽ báo cho người dân: "Dịch vụ này chưa được thiết lập trên trang web này".', {
          id: 'admin.origin.intro',
        })}
      </p>
      <p id="origins-status" role="status" tabindex="-1">${this.notice ?? ''}</p>
      ${this.origins
        ? this.origins.length === 0
          ? html`<p>${msg('Chưa có trang nào.', { id: 'admin.origin.none' })}</p>`
          : html`<ul class="origins" aria-label=${msg('Các trang được phép', { id: 'admin.origin.list' })}>
              ${this.origins.map(
                (origin) => html`<li>
                  <span class="origin">${origin}</span>
                  <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.removeOrigin(origin)}
                    aria-label=${msg(str`Bỏ ${origin}`, { id: 'admin.origin.remove.label' })}>
                    ${msg('Bỏ', { id: 'admin.origin.remove' })}
                  </button>
                </li>`,
              )}
            </ul>`
        : html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`}
      <form class="add" novalidate @submit=${this.add}>
        ${errorSummary(msg('Chưa thêm được trang', { id: 'admin.origin.error' }), this.errors, (field) => focusField(this.shadowRoot, field))}
        <label for="origin">${msg('Địa chỉ trang web', { id: 'admin.origin.label' })}</label>
        <p class="hint" id="origin-hint">
          ${msg('Chỉ phần đầu địa chỉ: https:// và tên miền (có cổng nếu có), không có đường dẫn. Ví dụ https://tanhoa.hanoi.gov.vn', {
            id: 'admin.origin.hint',
          })}
        </p>
        ${invalid ? html`<span class="field-error" id="origin-error">${this.errors[0]!.message}</span>` : nothing}
        <input id="origin" name="origin" type="url" inputmode="url" autocomplete="url" .value=${this.proposed}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />
        <p><button type="submit" ?disabled=${this.busy}>${msg('Cho phép trang này', { id: 'admin.origin.add' })}</button></p>
      </form>`;
  }
}
