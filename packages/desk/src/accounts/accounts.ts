import { msg, str } from '@lit/localize';
import type { StaffAccount, StaffAccountList, StaffAccountWithPassword } from '@sipas/schema';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { accountsStyles } from './accounts.styles.js';

/**
 * <sipas-desk-accounts>: the "Tài khoản" admin tab. Admins add staff accounts (the server makes
 * the password and it is shown here once), reset a password, disable or re-enable an account and
 * change its role. The server refuses to remove the unit's last admin.
 */
export class SipasDeskAccounts extends AdminPanel {
  static override styles = accountsStyles;

  static override properties = {
    ...AdminPanel.properties,
    accounts: { state: true },
    shown: { state: true },
    errors: { state: true },
    rowError: { state: true },
    busy: { state: true },
  };

  declare protected accounts: StaffAccount[] | undefined;
  /** The password just made: shown once, gone when dismissed or the tab changes. */
  declare protected shown: StaffAccountWithPassword | undefined;
  declare protected errors: FieldError[];
  declare protected rowError: string | undefined;
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
      this.accounts = (await this.admin<StaffAccountList>('accounts')).accounts;
    } catch (error) {
      this.rowError = this.problemErrors(error, 'list')[0]!.message;
    }
  }

  private roleName(role: StaffAccount['role']): string {
    return role === 'admin' ? msg('Quản trị', { id: 'admin.role.admin' }) : msg('Cán bộ', { id: 'admin.role.staff' });
  }

  private async showOnce(result: StaffAccountWithPassword): Promise<void> {
    this.shown = result;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.once')?.focus();
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      username: String(data.get('username') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'staff'),
    };
    const errors: FieldError[] = [];
    if (!body.username) errors.push({ field: 'username', message: msg('Nhập tên đăng nhập', { id: 'desk.usernameRequired' }) });
    if (!body.name) errors.push({ field: 'name', message: msg('Nhập họ tên', { id: 'admin.nameRequired' }) });
    this.errors = errors;
    if (errors.length === 0) {
      this.busy = true;
      try {
        const created = await this.admin<StaffAccountWithPassword>('accounts', { method: 'POST', body });
        form.reset();
        await this.load();
        await this.showOnce(created);
        return;
      } catch (error) {
        this.errors = this.problemErrors(error, 'username', ['username', 'name', 'role']);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.rowError = undefined;
    this.busy = true;
    try {
      await action();
      await this.load();
    } catch (error) {
      this.rowError = this.problemErrors(error, 'list')[0]!.message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#row-error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private resetPassword(account: StaffAccount) {
    return this.act(async () => {
      const result = await this.admin<StaffAccountWithPassword>(`accounts/${encodeURIComponent(account.username)}/password`, { method: 'POST' });
      await this.showOnce(result);
    });
  }

  private change(account: StaffAccount, patch: Partial<Pick<StaffAccount, 'role' | 'disabled'>>) {
    return this.act(async () => {
      await this.admin(`accounts/${encodeURIComponent(account.username)}`, { method: 'PATCH', body: patch });
    });
  }

  private renderShown(shown: StaffAccountWithPassword) {
    return html`<div class="once" tabindex="-1" role="region" aria-labelledby="once-title">
      <h3 id="once-title">${msg(str`Mật khẩu của ${shown.account.name} (${shown.account.username})`, { id: 'admin.password.title' })}</h3>
      <p class="secret" id="password-value">${shown.password}</p>
      <p>
        ${msg('Chỉ hiện một lần: hãy chép hoặc trao tận tay người dùng ngay bây giờ. Máy chủ không lưu mật khẩu này ở dạng đọc được.', {
          id: 'admin.password.once',
        })}
      </p>
      <button type="button" class="secondary" @click=${() => (this.shown = undefined)}>
        ${msg('Đã chép, ẩn mật khẩu', { id: 'admin.password.hide' })}
      </button>
    </div>`;
  }

  private renderRow(account: StaffAccount) {
    const me = account.id === this.staff?.id;
    const nextRole = account.role === 'admin' ? 'staff' : 'admin';
    return html`<tr>
      <td data-label=${msg('Tên đăng nhập', { id: 'desk.username' })}>${account.username}</td>
      <td data-label=${msg('Họ tên', { id: 'admin.name' })}>${account.name}${me ? html` <span class="muted">(${msg('bạn', { id: 'admin.you' })})</span>` : nothing}</td>
      <td data-label=${msg('Vai trò', { id: 'admin.role' })}>${this.roleName(account.role)}</td>
      <td data-label=${msg('Trạng thái', { id: 'admin.state' })}>
        ${account.disabled ? msg('Đã khóa', { id: 'admin.disabled' }) : msg('Đang dùng', { id: 'admin.enabled' })}
      </td>
      <td class="actions">
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.resetPassword(account)}
          aria-label=${msg(str`Đặt lại mật khẩu cho ${account.username}`, { id: 'admin.reset.label' })}>
          ${msg('Đặt lại mật khẩu', { id: 'admin.reset' })}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.change(account, { role: nextRole })}
          aria-label=${nextRole === 'admin'
            ? msg(str`Cấp quyền quản trị cho ${account.username}`, { id: 'admin.promote.label' })
            : msg(str`Chuyển thành cán bộ: ${account.username}`, { id: 'admin.demote.label' })}>
          ${nextRole === 'admin' ? msg('Cấp quyền quản trị', { id: 'admin.promote' }) : msg('Chuyển thành cán bộ', { id: 'admin.demote' })}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.change(account, { disabled: !account.disabled })}
          aria-label=${account.disabled
            ? msg(str`Mở khóa ${account.username}`, { id: 'admin.enable.label' })
            : msg(str`Khóa ${account.username}`, { id: 'admin.disable.label' })}>
          ${account.disabled ? msg('Mở khóa', { id: 'admin.enable' }) : msg('Khóa', { id: 'admin.disable' })}
        </button>
      </td>
    </tr>`;
  }

  private fieldError(id: string) {
    const error = this.errors.find((e) => e.field === id);
    return error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing;
  }

  private input(id: string, label: string, hint?: string) {
    const invalid = this.errors.some((e) => e.field === id);
    const described = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${this.fieldError(id)}
      <input id=${id} name=${id} autocomplete="off" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described || nothing} />`;
  }

  override render() {
    return html`<h2>${msg('Tài khoản cán bộ', { id: 'admin.accounts.title' })}</h2>
      ${this.shown ? this.renderShown(this.shown) : nothing}
      ${this.rowError ? html`<p class="field-error" id="row-error" role="alert" tabindex="-1">${this.rowError}</p>` : nothing}
      ${this.accounts
        ? html`<table>
            <caption>${msg(str`${this.accounts.length} tài khoản`, { id: 'admin.accounts.count' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Tên đăng nhập', { id: 'desk.username' })}</th>
                <th scope="col">${msg('Họ tên', { id: 'admin.name' })}</th>
                <th scope="col">${msg('Vai trò', { id: 'admin.role' })}</th>
                <th scope="col">${msg('Trạng thái', { id: 'admin.state' })}</th>
                <th scope="col">${msg('Thao tác', { id: 'admin.actions' })}</th>
              </tr>
            </thead>
            <tbody>
              ${this.accounts.map((account) => this.renderRow(account))}
            </tbody>
          </table>`
        : html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`}
      <h3>${msg('Thêm tài khoản', { id: 'admin.accounts.add' })}</h3>
      <form class="add" novalidate @submit=${this.add}>
        ${errorSummary(msg('Chưa thêm được tài khoản', { id: 'admin.accounts.error' }), this.errors, (field) => focusField(this.shadowRoot, field))}
        ${this.input('username', msg('Tên đăng nhập', { id: 'desk.username' }), msg('Chữ thường không dấu, số, dấu chấm hoặc gạch ngang, ví dụ nguyen.lan', { id: 'admin.username.hint' }))}
        ${this.input('name', msg('Họ tên', { id: 'admin.name' }))}
        <fieldset class="choices">
          <legend>${msg('Vai trò', { id: 'admin.role' })}</legend>
          <label><input type="radio" name="role" value="staff" checked /> ${this.roleName('staff')}</label>
          <label><input type="radio" name="role" value="admin" /> ${this.roleName('admin')}</label>
        </fieldset>
        <p class="hint">${msg('Máy chủ tạo mật khẩu và hiện một lần sau khi thêm.', { id: 'admin.accounts.passwordHint' })}</p>
        <button type="submit" ?disabled=${this.busy}>${msg('Thêm tài khoản', { id: 'admin.accounts.add' })}</button>
      </form>`;
  }
}
